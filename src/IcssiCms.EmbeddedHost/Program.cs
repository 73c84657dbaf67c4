using IcssiCms.EmbeddedHost;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddEmbeddedHost();

    var app = builder.Build();
    app.MapEmbeddedHost();

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "The embedded host stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>The entry point, visible to integration tests' <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
