using PhoneBooking.SchedulingApi.Api;
using PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.SchedulingApi.Sites;

internal static class SitesEndpoints
{
    private const int MaxAvailabilityDays = 31;

    public static RouteGroupBuilder MapSitesEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/sites", ListSites).WithTags("Sites").WithName("ListSites").RequireAuthorization(Scopes.CatalogRead)
            .Produces<SiteResponse[]>();
        v1.MapGet("/availability", GetAvailability).WithTags("Sites").WithName("GetAvailability").RequireAuthorization(Scopes.CatalogRead)
            .Produces<WindowResponse[]>()
            .ProducesValidationProblem();
        return v1;
    }

    private static IResult ListSites(SiteCatalog catalog) =>
        TypedResults.Ok(catalog.All
            .Select(s => s.Site)
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => new SiteResponse(s.Id, s.Name, s.SpokenName, s.Address, s.TimeZoneId))
            .ToArray());

    private static async Task<IResult> GetAvailability(
        string? from,
        string? to,
        string? siteId,
        SiteCatalog catalog,
        BusinessCalendar calendar,
        IWindowStore windows,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        QueryValues.TryDate(from, "from", errors, out var fromDate);
        QueryValues.TryDate(to, "to", errors, out var toDate);
        if (siteId is not null && !catalog.Contains(siteId))
        {
            errors["siteId"] = ["is not a known site; see GET /v1/sites."];
        }

        var first = fromDate ?? calendar.Today;
        var last = toDate ?? first.AddDays(6);
        if (errors.Count == 0 && last < first)
        {
            errors["to"] = ["must not be before from."];
        }
        else if (errors.Count == 0 && last.DayNumber - first.DayNumber >= MaxAvailabilityDays)
        {
            errors["to"] = [$"must be within {MaxAvailabilityDays} days of from."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var list = await windows.ListAsync(first, last, siteId, cancellationToken);
        return TypedResults.Ok(list.Select(w =>
        {
            var site = catalog.Get(w.SiteId);
            return new WindowResponse(w.SiteId, site.ToLocal(w.Start), site.ToLocal(w.End), w.Capacity, w.Remaining);
        }).ToArray());
    }
}
