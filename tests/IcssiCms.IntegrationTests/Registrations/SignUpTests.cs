using System.Net;
using static IcssiCms.IntegrationTests.Registrations.RegistrationHost;

namespace IcssiCms.IntegrationTests.Registrations;

[Collection(RegistrationsCollection.Name)]
public sealed class SignUpTests
{
    [Fact]
    public async Task Five_Hundred_Parallel_Sign_Ups_Fill_The_Ten_Free_Places_And_Waitlist_The_Rest_Losing_None()
    {
        await using var host = await StartAsync(new Dictionary<Guid, int> { [SocialEvent] = 15 });
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("placed", (await host.SignUpAsync($"early{i}@example.org", $"Early {i}", [SocialEvent]))[SocialEvent]);
        }

        var emails = Enumerable.Range(0, 500).Select(i => $"racer{i}@example.org").ToList();
        var answers = await Task.WhenAll(emails.Select(async email =>
        {
            using var response = await host.Client.SendAsync(EntryRequest(email, "Racer", [SocialEvent]));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {body}");
            return (Email: email, Status: PlacesOf(body)[SocialEvent]);
        }));

        Assert.Equal(10, answers.Count(a => a.Status == "placed"));
        Assert.Equal(490, answers.Count(a => a.Status == "waitlisted"));

        var list = await host.StaffListAsync(SocialEvent);
        Assert.Equal(505, list.Count);
        Assert.Equal(505, list.Select(r => r.Email).Distinct().Count());
        Assert.Equal(505, list.Select(r => r.Position).Distinct().Count());
        Assert.All(emails, email => Assert.Single(list, r => r.Email == email));
        // What each person was told is what the store holds.
        var stored = list.ToDictionary(r => r.Email, r => r.Status);
        Assert.All(answers, a => Assert.Equal(a.Status == "placed" ? "pending" : "waitlisted", stored[a.Email]));

        var places = await host.PlacesAsync(SocialEvent);
        Assert.Equal(15, places.Capacity);
        Assert.Equal(15, places.Held);
        Assert.Equal(0, places.Available);
        Assert.Equal(490, places.Waitlisted);
    }

    [Fact]
    public async Task The_Same_Person_Signing_Up_Twice_For_An_Event_Has_One_Registration_And_One_Email()
    {
        await using var host = await StartAsync(new Dictionary<Guid, int> { [SocialEvent] = 10 });

        var first = await host.SignUpAsync("twice@example.org", "Twice", [SocialEvent]);
        var second = await host.SignUpAsync("TWICE@example.org ", "Twice", [SocialEvent]);

        Assert.Equal("placed", first[SocialEvent]);
        Assert.Equal("placed", second[SocialEvent]);
        Assert.Single(await host.StaffListAsync(SocialEvent), r => r.Email == "twice@example.org");
        Assert.Single(await host.StaffListAsync());
        Assert.Equal(1, (await host.PlacesAsync(SocialEvent)).Held);

        // The outbox sends in order: once a later person's mail is out, any second mail to the first would be too.
        await host.WaitForMailAsync("twice@example.org");
        await host.SignUpAsync("barrier@example.org", "Barrier", [SocialEvent]);
        await host.WaitForMailAsync("barrier@example.org");
        Assert.Single(host.MailsTo("twice@example.org"));
    }

    [Fact]
    public async Task A_Sign_Up_For_Two_Events_Makes_Two_Registrations_And_Sends_One_Email()
    {
        await using var host = await StartAsync(new Dictionary<Guid, int> { [SocialEvent] = 10 });

        var places = await host.SignUpAsync("both@example.org", "Both", [SocialEvent, IraqSession]);

        Assert.Equal(new Dictionary<Guid, string> { [SocialEvent] = "placed", [IraqSession] = "placed" }, places);
        var mine = (await host.StaffListAsync()).Where(r => r.Email == "both@example.org").ToList();
        Assert.Equal(2, mine.Count);
        Assert.Equivalent(new[] { SocialEvent, IraqSession }, mine.Select(r => r.Event.Id).ToArray());

        await host.WaitForMailAsync("both@example.org");
        await host.SignUpAsync("barrier@example.org", "Barrier", [SocialEvent]);
        await host.WaitForMailAsync("barrier@example.org");
        Assert.Single(host.MailsTo("both@example.org"));
    }
}
