using Fluid;

namespace Cms.Liquid;

/// <summary>
/// Lets templates read the public members of the model types they were given and nothing else, as Fluid 2 did:
/// Fluid 3 reads any public member of anything reachable, which would widen what a practice's template can see.
/// </summary>
internal sealed class RegisteredModelsOnly(IReadOnlyCollection<Type> modelTypes) : MemberAccessStrategy
{
    private readonly HashSet<Type> _types = [.. modelTypes];
    private readonly DefaultMemberAccessStrategy _members = new();

    public override MemberAccessor? GetAccessor(Type type, string name, StringComparer comparer) =>
        _types.Contains(type) ? _members.GetAccessor(type, name, comparer) : null;

    public override void Register(Type type, string name, MemberAccessor getter)
    {
        _types.Add(type);
        _members.Register(type, name, getter);
    }
}
