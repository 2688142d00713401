using System.Reflection;
using System.Reflection.Emit;

namespace Cms.Web.Tests.Architecture;

/// <summary>
/// Which methods of an assembly call which: read from the compiled IL, so an alias or a helper cannot hide a call the
/// way it could from a text search. Lambdas and async state machines are types of the assembly too, so they are read.
/// </summary>
internal static class IlCalls
{
    public static IEnumerable<string> Callers(Assembly assembly, HashSet<MethodBase> forbidden)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
            {
                if (method.GetMethodBody()?.GetILAsByteArray() is not { } il)
                {
                    continue;
                }

                foreach (var called in CalledMethods(method.Module, il))
                {
                    if (forbidden.Contains(called))
                    {
                        yield return $"{type.FullName}.{method.Name} calls {called.DeclaringType?.Name}.{called.Name}";
                    }
                }
            }
        }
    }

    // Every method token after an opcode that names a method (call, callvirt, newobj, ldftn, ldvirtftn). Read at every
    // byte rather than decoded instruction by instruction: a token that is not a method simply does not resolve.
    private static IEnumerable<MethodBase> CalledMethods(Module module, byte[] il)
    {
        for (var i = 0; i + 4 < il.Length; i++)
        {
            var opcode = il[i];
            var named = opcode == OpCodes.Call.Value || opcode == OpCodes.Callvirt.Value || opcode == OpCodes.Newobj.Value
                || (opcode == 0x06 && i > 0 && il[i - 1] == 0xFE) || (opcode == 0x07 && i > 0 && il[i - 1] == 0xFE);
            if (!named)
            {
                continue;
            }

            var token = BitConverter.ToInt32(il, i + 1);
            if ((token >> 24) is not (0x06 or 0x0A or 0x2B))
            {
                continue;
            }

            MethodBase? method;
            try
            {
                method = module.ResolveMethod(token);
            }
            catch (ArgumentException)
            {
                continue;
            }

            if (method is not null)
            {
                yield return method;
            }
        }
    }

    /// <summary>Every string literal the assembly's methods load (<c>ldstr</c>), with the method that loads it.</summary>
    public static IEnumerable<(string Method, string Text)> Strings(Assembly assembly)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
            {
                if (method.GetMethodBody()?.GetILAsByteArray() is not { } il)
                {
                    continue;
                }

                for (var i = 0; i + 4 < il.Length; i++)
                {
                    var token = BitConverter.ToInt32(il, i + 1);
                    if (il[i] != 0x72 || (token >> 24) != 0x70)
                    {
                        continue;
                    }

                    string? text;
                    try
                    {
                        text = method.Module.ResolveString(token);
                    }
                    catch (ArgumentException)
                    {
                        continue;
                    }

                    yield return ($"{type.FullName}.{method.Name}", text);
                }
            }
        }
    }
}
