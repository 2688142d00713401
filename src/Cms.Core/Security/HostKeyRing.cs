using System.Xml.Linq;
using Cms.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Cms.Security;

/// <summary>
/// Keeps the data-protection key ring in the host database, so a restart or a second node keeps
/// sign-ins valid. Plain SQL rather than the EF Core repository: the key ring is loaded while the host
/// starts, and waking EF Core for it cost about half a second of start-up (measured).
/// </summary>
internal sealed class HostKeyRing : IXmlRepository
{
    private readonly CmsDatabase _database;

    public HostKeyRing(CmsDatabase database)
    {
        _database = database;
    }

    // IXmlRepository is synchronous by contract; the framework calls it rarely (start, key rotation).
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = _database.CreateHostConnection();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Xml" FROM "DataProtectionKeys" ORDER BY "Id" """;
        using var reader = command.ExecuteReader();
        var keys = new List<XElement>();
        while (reader.Read())
        {
            if (!reader.IsDBNull(0))
            {
                keys.Add(XElement.Parse(reader.GetString(0)));
            }
        }

        return keys;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = _database.CreateHostConnection();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """INSERT INTO "DataProtectionKeys" ("FriendlyName", "Xml") VALUES (@name, @xml)""";
        command.AddParameter("@name", friendlyName);
        command.AddParameter("@xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}
