using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Cms.Security;
using Cms.Tenancy;

namespace Cms.Web.Cli;

/// <summary><c>tenants list | create | move | disable | enable | remove</c>.</summary>
internal static class TenantCommands
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(Lazy<Task<ServiceProvider>> services, TextWriter output, TextWriter error)
    {
        var tenants = new Command("tenants", "List, create, move, disable, enable and remove practices (tenants).");
        tenants.Subcommands.Add(List(services, output));
        tenants.Subcommands.Add(CreateTenant(services, output, error));
        tenants.Subcommands.Add(Move(services, output, error));
        tenants.Subcommands.Add(ChangeState("disable", "Switch a practice off: its site answers 503 until it is enabled again.", (m, n, ct) => m.DisableAsync(n, ct), services, output, error));
        tenants.Subcommands.Add(ChangeState("enable", "Switch a disabled practice back on.", (m, n, ct) => m.EnableAsync(n, ct), services, output, error));
        tenants.Subcommands.Add(Remove(services, output, error));
        return tenants;
    }

    private static Command List(Lazy<Task<ServiceProvider>> services, TextWriter output)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var command = new Command("list", "List every practice with its state, prefix and host names.") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var manager = (await services.Value).GetRequiredService<TenantManager>();
            var all = await manager.ListAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(all.Select(t => new { t.Name, State = t.State.ToString(), t.Hosts, t.Prefix, t.RecipeName, t.CreatedUtc }), s_json));
                return 0;
            }

            await output.WriteLineAsync($"{"NAME",-24} {"STATE",-13} {"PREFIX",-20} {"CREATED",-10} HOSTS");
            foreach (var t in all)
            {
                await output.WriteLineAsync($"{t.Name,-24} {t.State,-13} {t.Prefix ?? "-",-20} {t.CreatedUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),-10} {(t.Hosts.Count > 0 ? string.Join(",", t.Hosts) : "-")}");
            }

            return 0;
        });
        return command;
    }

    private static Command CreateTenant(Lazy<Task<ServiceProvider>> services, TextWriter output, TextWriter error)
    {
        var name = new Option<string>("--name") { Description = "Tenant name: letters, digits and '-'.", Required = true };
        var displayName = new Option<string?>("--display-name") { Description = "What people call the practice, e.g. \"Oak Counseling\": its site name. Without it the site is named after --name." };
        var hosts = new Option<string[]>("--host") { Description = "A host name the practice answers on; repeat for several." };
        var prefix = new Option<string?>("--prefix") { Description = "URL prefix (first path segment), e.g. 'riverbend' for /riverbend/." };
        var recipe = new Option<string?>("--recipe") { Description = "Setup recipe to apply, e.g. 'practice'. Without it the tenant is empty, ready for a recipe import." };
        var adminUser = new Option<string?>("--admin-user") { Description = "User name of the practice's first administrator." };
        var adminPassword = new Option<string?>("--admin-password") { Description = "Password of the first administrator. " + PasswordRule.Hint };
        var connection = new Option<string?>("--connection-string") { Description = "Give the practice a database of its own instead of the host's default store." };
        var command = new Command("create", "Create and set up a practice.") { name, displayName, hosts, prefix, recipe, adminUser, adminPassword, connection };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var manager = (await services.Value).GetRequiredService<TenantManager>();
            var result = await manager.CreateAsync(
                new CreateTenantRequest
                {
                    Name = parse.GetValue(name)!,
                    DisplayName = parse.GetValue(displayName),
                    Hosts = parse.GetValue(hosts) ?? [],
                    Prefix = parse.GetValue(prefix),
                    RecipeName = parse.GetValue(recipe),
                    AdminUserName = parse.GetValue(adminUser),
                    AdminPassword = parse.GetValue(adminPassword),
                    ConnectionString = parse.GetValue(connection),
                },
                cancellationToken);
            return await ReportAsync(result, $"Created practice '{result.Tenant?.Name}'.", output, error);
        });
        return command;
    }

    private static Command Move(Lazy<Task<ServiceProvider>> services, TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("name") { Description = "The tenant's name." };
        var hosts = new Option<string[]>("--host") { Description = "A host name the practice answers on from now on; repeat for several. Replaces its host names." };
        var prefix = new Option<string?>("--prefix") { Description = "Its URL prefix from now on. Replaces its prefix; leave it out for none." };
        var command = new Command("move", "Change a practice's host names and prefix, checked as on creation; its users sign in again at the new address.") { name, hosts, prefix };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var manager = (await services.Value).GetRequiredService<TenantManager>();
            var result = await manager.ChangeAddressAsync(
                parse.GetValue(name)!, new TenantAddress { Hosts = parse.GetValue(hosts) ?? [], Prefix = parse.GetValue(prefix) }, cancellationToken);
            var where = result.Tenant is { } t ? string.Join(", ", (t.Prefix is null ? [] : new[] { "/" + t.Prefix + "/" }).Concat(t.Hosts)) : "";
            return await ReportAsync(result, $"Practice '{result.Tenant?.Name}' now answers on {where}.", output, error);
        });
        return command;
    }

    private static Command ChangeState(string verb, string description, Func<TenantManager, string, CancellationToken, Task<TenantResult>> change, Lazy<Task<ServiceProvider>> services, TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("name") { Description = "The tenant's name." };
        var command = new Command(verb, description) { name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var manager = (await services.Value).GetRequiredService<TenantManager>();
            var result = await change(manager, parse.GetValue(name)!, cancellationToken);
            return await ReportAsync(result, $"Practice '{result.Tenant?.Name}' is {result.Tenant?.State}.", output, error);
        });
        return command;
    }

    private static Command Remove(Lazy<Task<ServiceProvider>> services, TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("name") { Description = "The tenant's name." };
        var yes = new Option<bool>("--yes") { Description = "Confirm: the practice's database, content and users are deleted for good." };
        var command = new Command("remove", "Remove a practice and delete all its data.") { name, yes };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var tenantName = parse.GetValue(name)!;
            if (!parse.GetValue(yes))
            {
                await error.WriteLineAsync($"Removing '{tenantName}' deletes its database, content and users for good. Run again with --yes to confirm.");
                return 1;
            }

            var manager = (await services.Value).GetRequiredService<TenantManager>();
            var result = await manager.RemoveAsync(tenantName, cancellationToken);
            return await ReportAsync(result, $"Removed practice '{result.Tenant?.Name}' and its data.", output, error);
        });
        return command;
    }

    private static async Task<int> ReportAsync(TenantResult result, string success, TextWriter output, TextWriter error)
    {
        if (result.Succeeded)
        {
            await output.WriteLineAsync(success);
            return 0;
        }

        foreach (var message in result.Errors)
        {
            await error.WriteLineAsync($"error: {message}");
        }

        return 1;
    }
}
