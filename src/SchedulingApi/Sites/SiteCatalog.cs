using System.Collections.Frozen;

namespace PhoneBooking.SchedulingApi.Sites;

/// <summary>The sites in memory (they change only at start): validation of site ids, names and local times for responses.</summary>
public sealed class SiteCatalog
{
    private FrozenDictionary<string, SiteInfo> _sites = FrozenDictionary<string, SiteInfo>.Empty;

    public IReadOnlyCollection<SiteInfo> All => _sites.Values;

    public bool Contains(string siteId) => _sites.ContainsKey(siteId);

    public SiteInfo Get(string siteId) => _sites[siteId];

    internal void Load(IEnumerable<Site> sites) =>
        _sites = sites.ToFrozenDictionary(s => s.Id, s => new SiteInfo(s, TimeZoneInfo.FindSystemTimeZoneById(s.TimeZoneId)), StringComparer.Ordinal);
}

public sealed record SiteInfo(Site Site, TimeZoneInfo TimeZone)
{
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);
}
