using System.Data.Common;

namespace Cms.Data;

/// <summary>For the few plain-SQL reads (start-up, activation, key ring); both providers take @name parameters.</summary>
internal static class DbCommandExtensions
{
    public static void AddParameter(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>A table, schema or role name read from the catalog, quoted for SQL (both providers quote with ").</summary>
    public static string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
