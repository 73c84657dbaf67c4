using IcssiCms.Store.Importing;
using IcssiCms.Store.Planning;
using IcssiCms.Store.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IcssiCms.Store;

public static class HubStoreServiceCollectionExtensions
{
    /// <summary>The SQLite store and the uSync importer that fills it.</summary>
    public static IServiceCollection AddHubStore(this IServiceCollection services, string sqliteConnectionString)
    {
        services.AddDbContext<HubDbContext>(options => options.UseSqlite(sqliteConnectionString));
        services.AddScoped<UsyncImporter>();
        services.AddScoped<UsyncPlanner>();
        services.AddScoped<PlanApplier>();
        return services;
    }
}
