using System.Net;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IcssiCms.Web.IntegrationTests.VisitorSite;

/// <summary>
/// The visitors' site against a hub that is down, too slow, or failing, and against one that counts its calls (a small
/// Kestrel app on 127.0.0.1 standing in for the hub's HTTP API): a clear page, never a stack trace, and content
/// responses reused for a while.
/// </summary>
public sealed class HubFailureTests
{
    private const string HomeJson = """
        {"contentType":"hubHome","name":"Hub","createDate":"2026-11-26T00:00:00Z","updateDate":"2026-11-26T00:00:00Z",
         "route":{"path":"/","queryString":null,"startItem":{"id":"6dcd482c-ffb6-502d-af0c-f624e14efcc8","path":"hub"}},
         "id":"6dcd482c-ffb6-502d-af0c-f624e14efcc8","properties":{"title":"Stand-in hub"},"cultures":{}}
        """;

    [Fact]
    public async Task A_hub_that_is_not_running_gives_a_503_page_saying_so_in_the_visitors_language()
    {
        var closed = Loopback.FreeAddress();
        await using var site = Site(closed);
        using var client = site.CreateClient();

        var english = await client.GetAsync("/en/campaigns/save-the-tigris/");
        var body = await english.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, english.StatusCode);
        Assert.Contains("The hub is not answering", body);
        Assert.Equal(TimeSpan.FromSeconds(30), english.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("   at ", body);

        var arabic = await client.GetAsync("/ar/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, arabic.StatusCode);
        var arabicBody = await arabic.Content.ReadAsStringAsync();
        Assert.Contains("dir=\"rtl\"", arabicBody);
        Assert.Contains("الموقع لا يستجيب", arabicBody);
    }

    [Fact]
    public async Task A_hub_that_does_not_answer_in_time_gives_the_same_page_after_the_configured_timeout()
    {
        await using var hub = await StandInHub.StartAsync(async context => await Task.Delay(Timeout.Infinite, context.RequestAborted));
        await using var site = Site(hub.Address, ("IcssiCms:VisitorSite:HubTimeout", "00:00:00.300"));
        using var client = site.CreateClient();

        await AssertHubUnavailablePageAsync(await client.GetAsync("/en/"));
    }

    [Fact]
    public async Task A_hub_that_answers_500_gives_the_same_page()
    {
        await using var hub = await StandInHub.StartAsync(context =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        await using var site = Site(hub.Address);
        using var client = site.CreateClient();

        await AssertHubUnavailablePageAsync(await client.GetAsync("/en/"));
    }

    [Fact]
    public async Task Content_responses_are_reused_for_the_cache_duration_and_asked_again_after_it()
    {
        await using var hub = await StandInHub.StartHomeAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var site = Site(hub.Address, ("IcssiCms:VisitorSite:ContentCacheDuration", "00:00:30"));
        // The cache's in-memory layer keeps time by MemoryCacheOptions' clock: the test's clock, so no test waits.
        await using var withClock = site.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.Configure<MemoryCacheOptions>(options => options.Clock = new TestClock(clock));
        }));
        using var client = withClock.CreateClient();

        for (var visit = 0; visit < 5; visit++)
        {
            var page = await client.GetStringAsync("/en/");
            Assert.Contains("Stand-in hub", page);
        }

        Assert.Equal(1, hub.HomeCalls);

        clock.Advance(TimeSpan.FromSeconds(31));
        await client.GetStringAsync("/en/");
        Assert.Equal(2, hub.HomeCalls);
    }

    [Fact]
    public async Task With_a_cache_duration_of_zero_every_visit_asks_the_hub()
    {
        await using var hub = await StandInHub.StartHomeAsync();
        await using var site = Site(hub.Address, ("IcssiCms:VisitorSite:ContentCacheDuration", "00:00:00"));
        using var client = site.CreateClient();

        for (var visit = 0; visit < 3; visit++)
        {
            Assert.Contains("Stand-in hub", await client.GetStringAsync("/en/"));
        }

        Assert.Equal(3, hub.HomeCalls);
    }

    [Fact]
    public async Task An_address_that_is_no_page_of_the_hub_gives_a_404_page()
    {
        await using var hub = await StandInHub.StartAsync(context =>
        {
            context.Response.StatusCode = context.Request.Path.StartsWithSegments("/umbraco/delivery/api/v2/content/item") ? 404 : 200;
            context.Response.ContentType = "application/json";
            return context.Response.StatusCode == 200 ? context.Response.WriteAsync("""{"total":0,"items":[]}""") : Task.CompletedTask;
        });
        await using var site = Site(hub.Address);
        using var client = site.CreateClient();

        var response = await client.GetAsync("/en/no-such-page/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    private static async Task AssertHubUnavailablePageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("The hub is not answering", await response.Content.ReadAsStringAsync());
    }

    private static WebApplicationFactory<IcssiCms.VisitorSite.Program> Site(Uri hub, params (string Key, string Value)[] settings) =>
        VisitorSites.InFrontOf(hub, settings.ToDictionary(setting => setting.Key, setting => (string?)setting.Value));

#pragma warning disable CS0618 // MemoryCache still reads its time from ISystemClock.
    private sealed class TestClock(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
#pragma warning restore CS0618

    /// <summary>A hub on 127.0.0.1 answering every request with one handler.</summary>
    private sealed class StandInHub(LoopbackServer server) : IAsyncDisposable
    {
        private int _homeCalls;

        public Uri Address => server.Address;

        /// <summary>How many times the home page was asked for (by <see cref="StartHomeAsync"/>'s hub).</summary>
        public int HomeCalls => _homeCalls;

        /// <summary>A hub with a home page and nothing else (every query is empty), counting the calls for the home page.</summary>
        public static async Task<StandInHub> StartHomeAsync()
        {
            StandInHub? hub = null;
            hub = await StartAsync(async context =>
            {
                context.Response.ContentType = "application/json";
                if (context.Request.Path == "/umbraco/delivery/api/v2/content/item/")
                {
                    Interlocked.Increment(ref hub!._homeCalls);
                    await context.Response.WriteAsync(HomeJson);
                    return;
                }

                await context.Response.WriteAsync("""{"total":0,"items":[]}""");
            });
            return hub;
        }

        public static async Task<StandInHub> StartAsync(RequestDelegate handler) => new(await LoopbackServer.StartAsync(handler));

        public ValueTask DisposeAsync() => server.DisposeAsync();
    }
}
