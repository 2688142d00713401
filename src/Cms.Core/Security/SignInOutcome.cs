using Cms.Data;

namespace Cms.Security;

internal enum SignInStatus
{
    Succeeded,
    Failed,
    Disabled,
}

internal sealed record SignInOutcome(SignInStatus Status, UserRecord? User)
{
    public static readonly SignInOutcome Failed = new(SignInStatus.Failed, null);
}
