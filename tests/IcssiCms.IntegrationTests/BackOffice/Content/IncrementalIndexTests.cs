using System.Net;
using IcssiCms.Core.Schema;
using IcssiCms.EmbeddedHost.Delivery;
using IcssiCms.IntegrationTests.Delivery;
using Microsoft.Extensions.DependencyInjection;

namespace IcssiCms.IntegrationTests.BackOffice.Content;

/// <summary>Its own seeded host: these tests rename and unpublish seed content.</summary>
public sealed class IncrementalIndexHost : ContentEditingHost;

/// <summary>
/// A back-office publish re-indexes only what changed. After each change, the index answers every query as an index
/// rebuilt from scratch does, including news found by a campaign whose URL segment the change renamed.
/// </summary>
public sealed class IncrementalIndexTests(IncrementalIndexHost host) : IClassFixture<IncrementalIndexHost>
{
    private static readonly Guid CallForParticipants = Guid.Parse("42ff6675-093c-5e59-8a9a-9c08ce605986");
    private static readonly Guid SaveTheTigris = SeedContent.Hub.Items.Single(i => i.ContentType == HubContentTypes.Campaign.Alias && i.Name(HubCultures.English) == "Save the Tigris").Key;
    private static readonly Guid WomensRights = SeedContent.Hub.Items.Single(i => i.ContentType == HubContentTypes.Campaign.Alias && i.Name(HubCultures.English) == "Women's Rights").Key;

    private static readonly (string Culture, (string Name, string Value)[] Query)[] Queries =
    [
        (HubCultures.English, [("filter", "contentType:campaignNews")]),
        (HubCultures.English, [("filter", "contentType:campaign"), ("sort", "name:asc")]),
        (HubCultures.English, [("filter", "search:tigris")]),
        (HubCultures.English, [("filter", "search:river")]),
        (HubCultures.English, [("filter", "campaign:save-the-tigris")]),
        (HubCultures.English, [("filter", "campaign:save-the-tigris-river")]),
        (HubCultures.English, [("filter", "campaign:womens-rights")]),
        (HubCultures.English, [("fetch", "children:/campaigns/"), ("sort", "sortOrder:asc")]),
        (HubCultures.English, [("fetch", "descendants:/")]),
        (HubCultures.Arabic, [("filter", "contentType:campaign"), ("sort", "updateDate:desc")]),
        (HubCultures.Arabic, [("filter", "search:دجلة")]),
    ];

    [Fact]
    public async Task After_a_rename_and_an_unpublish_the_index_answers_as_a_full_rebuild_would()
    {
        using var client = await host.SignedInClientAsync();

        // A change that leaves the campaign's route alone: the news that pick it are not indexed again, and need not be.
        var summary = await (await EditForm.GetAsync(client, SaveTheTigris))
            .Set(EditForm.Value(HubContentTypes.PageHeader.Summary, HubCultures.English), "The Tigris summary, edited")
            .PostAsync(client, SaveTheTigris, "Publish");
        Assert.Equal(HttpStatusCode.Redirect, summary.StatusCode);
        Assert.Contains(SaveTheTigris, (await host.Api.QueryAsync(("filter", "search:edited"))).Ids);
        await AssertSameAsRebuiltAsync();

        var rename = await (await EditForm.GetAsync(client, SaveTheTigris))
            .Set("name:" + HubCultures.English, "Save the Tigris River")
            .PostAsync(client, SaveTheTigris, "Publish");
        Assert.Equal(HttpStatusCode.Redirect, rename.StatusCode);
        // The news item picks the campaign: it is found by the campaign's new URL segment, and no longer by the old.
        Assert.Contains(CallForParticipants, (await host.Api.QueryAsync(("filter", "campaign:save-the-tigris-river"))).Ids);
        Assert.Equal(0, (await host.Api.QueryAsync(("filter", "campaign:save-the-tigris"))).Total);
        Assert.Contains(SaveTheTigris, (await host.Api.QueryAsync(("filter", "search:river"))).Ids);
        await AssertSameAsRebuiltAsync();

        var unpublish = await (await EditForm.GetAsync(client, WomensRights)).PostAsync(client, WomensRights, "Unpublish");
        Assert.Equal(HttpStatusCode.Redirect, unpublish.StatusCode);
        Assert.DoesNotContain(WomensRights, (await host.Api.QueryAsync(("filter", "contentType:campaign"))).Ids);
        await AssertSameAsRebuiltAsync();
    }

    private async Task AssertSameAsRebuiltAsync()
    {
        var incremental = await AnswersAsync();
        await host.Host.Services.GetRequiredService<DeliveryContentRefresher>().RefreshAsync(CancellationToken.None);
        var rebuilt = await AnswersAsync();
        Assert.Equal(rebuilt, incremental);
    }

    private async Task<List<string>> AnswersAsync()
    {
        var answers = new List<string>();
        foreach (var (culture, query) in Queries)
        {
            var page = await host.Api.QueryAllAsync(culture, query);
            answers.Add($"{culture} {string.Join('&', query.Select(q => $"{q.Name}={q.Value}"))}: {page.Total} [{string.Join(',', page.Ids)}]");
        }

        return answers;
    }
}
