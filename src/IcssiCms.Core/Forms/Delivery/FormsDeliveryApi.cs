using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IcssiCms.Core.Forms.Delivery;

/// <summary>
/// Umbraco Forms 17's delivery API, at its paths and with its settings (<c>Umbraco:Forms:Options:EnableFormsApi</c>),
/// over the hub's forms: <c>GET definitions/{id}</c>.
/// </summary>
public static class FormsDeliveryApi
{
    public const string Route = "/umbraco/forms/delivery/api/v1";

    public static void Map(IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup(Route).AddEndpointFilter(RequireFormsApi);
        forms.MapGet("/definitions/{id:guid}", GetDefinitionAsync);
    }

    private static async ValueTask<object?> RequireFormsApi(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<FormsOptions>>().CurrentValue.EnableFormsApi
            ? await next(context)
            : Problems.NotFound("The Forms API is not enabled (Umbraco:Forms:Options:EnableFormsApi).");

    private static async Task<IResult> GetDefinitionAsync(Guid id, string? culture, FormDefinitions definitions) =>
        await definitions.FindAsync(id, culture) is { } form
            ? Results.Ok(await definitions.DefineAsync(form))
            : Problems.NotFound($"No form has the id {id}.");
}
