namespace Cms.Data;

/// <summary>
/// A setting that keeps the host (or the CLI) from starting: a connection string that does not parse, a server
/// that cannot be reached or refuses the role, a role that bypasses row-level security, a data folder that cannot be
/// written, a public address that is not one. The message is one line that names the setting; the host prints it and exits with code 1.
/// </summary>
internal sealed class SettingsProblemException : Exception
{
    public SettingsProblemException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
