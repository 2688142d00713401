namespace Cms.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
