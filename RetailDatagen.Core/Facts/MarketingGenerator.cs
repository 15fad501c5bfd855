using RetailDatagen.Core.Model;
using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Facts;

/// <summary>A marketing campaign: a channel, a run of days (relative to the start date) and its creatives.</summary>
internal sealed record Campaign(string Id, string Channel, int FirstDay, int LastDay, int Creatives, double CostPerImpression);

/// <summary>Ad impressions of the running campaigns, each shown to a customer's AdId on a device.</summary>
internal sealed class MarketingGenerator
{
    public static readonly string[] Channels = ["FACEBOOK", "GOOGLE", "INSTAGRAM", "YOUTUBE", "EMAIL", "DISPLAY", "SEARCH", "SOCIAL", "VIDEO"];
    private static readonly double[] ChannelCost = [0.02, 0.04, 0.02, 0.03, 0.01, 0.01, 0.05, 0.02, 0.03];
    private readonly FactWorld _world;
    private readonly FeistelPermutation _impressionIds;

    public MarketingGenerator(FactWorld world)
    {
        _world = world;
        var o = world.Options;
        _impressionIds = new FeistelPermutation(1UL << 40, o.Seed, RandomStream.ImpressionIds);
        var random = new RowRandom(o.Seed, RandomStream.Campaigns, 0);
        var count = Math.Max(3, (o.Days / 7 * 2) + 2);
        var campaigns = new List<Campaign>
        {
            // An always-on campaign, so every day has at least one running.
            new("CMP-0001", Channels[random.NextInt(Channels.Length)], 0, o.Days - 1, 3, 0),
        };
        for (var i = 2; i <= count; i++)
        {
            var first = random.NextInt(-14, Math.Max(0, o.Days - 1));
            var last = first + random.NextInt(7, 45);
            var channel = random.NextInt(Channels.Length);
            campaigns.Add(new($"CMP-{i:D4}", Channels[channel], first, last, 2 + random.NextInt(4), ChannelCost[channel]));
        }

        Campaigns = [.. campaigns.Select(c => c with { CostPerImpression = ChannelCost[Array.IndexOf(Channels, c.Channel)] })];
    }

    public IReadOnlyList<Campaign> Campaigns { get; }

    public List<MarketingImpression> Generate(int dayIndex, DateOnly date)
    {
        var o = _world.Options;
        var active = Campaigns.Where(c => c.FirstDay <= dayIndex && dayIndex <= c.LastDay).ToArray();
        var dayRandom = new RowRandom(o.Seed, RandomStream.Impressions, ((long)dayIndex << 32) | 0xFFFF_FFFFL);
        var count = (int)Math.Round(o.MarketingImpressionsPerDay * RetailCalendar.OnlineFactor(date) * dayRandom.Uniform(0.95, 1.05));
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        var rows = new MarketingImpression[count];
        Parallel.For(0, count, i =>
        {
            var random = new RowRandom(o.Seed, RandomStream.Impressions, ((long)dayIndex << 32) + i);
            var campaign = active[random.NextInt(active.Length)];
            var device = random.NextDouble();
            rows[i] = new MarketingImpression
            {
                EventTS = midnight.AddSeconds(random.NextInt(86_400)),
                Channel = campaign.Channel,
                CampaignId = campaign.Id,
                CreativeId = $"{campaign.Id}-CR{1 + random.NextInt(campaign.Creatives)}",
                CustomerAdId = _world.Customers.AdId(random.NextInt(o.Customers)),
                Cost = campaign.CostPerImpression,
                Device = device < 0.6 ? "MOBILE" : device < 0.9 ? "DESKTOP" : "TABLET",
            };
        });

        var ordered = rows.OrderBy(r => r.EventTS).ThenBy(r => r.CustomerAdId, StringComparer.Ordinal).ToList();
        var day = FactIds.Day(date);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].TraceId = FactIds.Impression(day, i + 1);
            ordered[i].ImpressionId = "IMP" + _impressionIds.Permute(((ulong)dayIndex << 28) + (ulong)i).ToString("X10", System.Globalization.CultureInfo.InvariantCulture);
        }

        return ordered;
    }
}
