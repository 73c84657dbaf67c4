namespace IcssiCms.VisitorSite.Languages;

/// <summary><c>{lang:sitelanguage}</c>: a route value that is one of the site's language codes.</summary>
public sealed class SiteLanguageRouteConstraint : IRouteConstraint
{
    public const string Name = "sitelanguage";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && SiteLanguage.FromCode(value as string) is not null;
}
