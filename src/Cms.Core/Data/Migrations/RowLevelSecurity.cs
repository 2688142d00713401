using Microsoft.EntityFrameworkCore.Migrations;

namespace Cms.Data.Migrations;

/// <summary>
/// PostgreSQL's second wall between tenants: a row is visible only when its TenantId equals the
/// connection's <c>cms.tenant</c> setting. FORCE makes the policy bind the table owner too, which is the
/// role the application connects as. SQLite keeps one tenant per file and needs none of this.
/// </summary>
internal static class RowLevelSecurity
{
    public static void Enable(MigrationBuilder migrationBuilder, params string[] tables)
    {
        if (migrationBuilder.ActiveProvider != "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            return;
        }

        foreach (var table in tables)
        {
            migrationBuilder.Sql($"""
                ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON "{table}"
                    USING ("TenantId" = current_setting('{TenantSessionInterceptor.SettingName}', true))
                    WITH CHECK ("TenantId" = current_setting('{TenantSessionInterceptor.SettingName}', true));
                """);
        }
    }
}
