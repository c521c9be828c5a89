using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Envoi.Data.Schema;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.

public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteEnvoiDb>
{
    public SqliteEnvoiDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteEnvoiDb>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresEnvoiDb>
{
    public PostgresEnvoiDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresEnvoiDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
