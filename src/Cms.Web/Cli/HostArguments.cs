namespace Cms.Web.Cli;

/// <summary>
/// Which program a command line asks for: the web host, given nothing or only ASP.NET Core's configuration switches
/// (<c>--urls http://localhost:5001</c>, <c>--environment Development</c>, <c>--Cms:DataPath=/srv/cms</c>,
/// <c>Cms:DataPath=/srv/cms</c>), or the operator's CLI for anything else: its verbs, its help, and every word it does
/// not know, which it refuses. Before, anything that was not a verb started the web host, <c>--help</c> and a typo included.
/// </summary>
internal static class HostArguments
{
    private static readonly HashSet<string> s_cliSwitches = new(StringComparer.OrdinalIgnoreCase) { "--help", "--version" };

    public static bool StartTheHost(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2 && !s_cliSwitches.Contains(arg))
            {
                // "--key value" takes the next argument as its value, as ASP.NET Core's command-line configuration does.
                if (!arg.Contains('=', StringComparison.Ordinal))
                {
                    i++;
                }

                continue;
            }

            if (!arg.StartsWith('-') && arg.IndexOf('=', StringComparison.Ordinal) > 0)
            {
                continue;
            }

            return false;
        }

        return true;
    }
}
