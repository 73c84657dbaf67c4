using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using IcssiCms.EmbeddedHost.BackOffice;
using IcssiCms.IntegrationTests.Delivery;
using IcssiCms.Store.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IcssiCms.IntegrationTests.BackOffice.Content;

/// <summary>Content-editing tests share one seeded host, one test at a time, beside no other test class.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ContentEditingCollection : ICollectionFixture<ContentEditingHost>
{
    public const string Name = "BackOffice content";
}

/// <summary>The seeded hub with the first administrator from Umbraco's unattended settings; clients speak HTTPS and keep cookies.</summary>
public class ContentEditingHost : HubHostFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Umbraco:CMS:Unattended:UnattendedUserName"] = BackOfficeHost.AdminName,
        ["Umbraco:CMS:Unattended:UnattendedUserEmail"] = BackOfficeHost.AdminEmail,
        ["Umbraco:CMS:Unattended:UnattendedUserPassword"] = BackOfficeHost.AdminPassword,
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Host.Services.GetRequiredService<FirstAdministrator>().Completion;
    }

    /// <summary>A client signed in as the first administrator.</summary>
    public async Task<HttpClient> SignedInClientAsync()
    {
        var client = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var signIn = await BackOfficeHost.SignInAsync(client, BackOfficeHost.AdminEmail, BackOfficeHost.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    public async Task<T> WithStoreAsync<T>(Func<HubDbContext, Task<T>> read)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    public Task<BackOfficeUser> AdministratorAsync() =>
        WithStoreAsync(db => db.BackOfficeUsers.AsNoTracking().SingleAsync(u => u.Email == BackOfficeHost.AdminEmail));
}

/// <summary>An edit page's form, read as a browser would submit it: every named field with its current value.</summary>
public sealed class EditForm
{
    private readonly Dictionary<string, List<string>> _fields;

    private EditForm(string html, Dictionary<string, List<string>> fields)
    {
        Html = html;
        _fields = fields;
    }

    public string Html { get; }

    public static async Task<EditForm> GetAsync(HttpClient client, Guid key)
    {
        var response = await client.GetAsync($"/umbraco/content/{key:D}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var form = new HtmlParser().ParseDocument(html).QuerySelector("main form[method=post]:not([action])") as IHtmlFormElement
            ?? throw new InvalidOperationException("No edit form.");
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string name, string value) => (fields.TryGetValue(name, out var values) ? values : fields[name] = []).Add(value);
        foreach (var element in form.QuerySelectorAll("[name]"))
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" } box:
                    if (box.IsChecked)
                    {
                        Add(box.Name!, box.Value);
                    }

                    break;
                case IHtmlInputElement input:
                    Add(input.Name!, input.Value);
                    break;
                case IHtmlTextAreaElement area:
                    Add(area.Name!, area.Value);
                    break;
                case IHtmlSelectElement select:
                    foreach (var option in select.Options.Where(o => o.IsSelected && o.Value.Length > 0))
                    {
                        Add(select.Name!, option.Value);
                    }

                    break;
            }
        }

        return new EditForm(html, fields);
    }

    public EditForm Set(string field, params string[] values)
    {
        _fields[field] = [.. values];
        return this;
    }

    public static string Value(string alias, string culture = "") => $"value:{alias}:{culture}";

    public Task<HttpResponseMessage> PostAsync(HttpClient client, Guid key, string handler) =>
        client.PostAsync(
            $"/umbraco/content/{key:D}?handler={handler}",
            new FormUrlEncodedContent(_fields.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v)))));
}
