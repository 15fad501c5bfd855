using RetailDatagen.Core.Model;
using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Facts;

/// <summary>
/// A marketing campaign: a channel, a run of days (relative to the start date), a daily budget, its creatives, and
/// the department whose best sellers it promotes.
/// </summary>
internal sealed record Campaign(
    string Id,
    string Channel,
    int FirstDay,
    int LastDay,
    int Creatives,
    double CostPerImpression,
    double DailyBudget,
    int[] Products
);

/// <summary>
/// Ad impressions of the running campaigns (DATA-CONTRACT §4): every configured channel has campaigns, each day's
/// impressions are shared among the running campaigns by daily budget, follow a time-of-day curve (little at
/// night), and reach customers by their shopping activity. A share converts: the same customer buys one of the
/// campaign's products at a home store within a week, on a receipt line whose PromoCode is the campaign id.
/// </summary>
internal sealed class MarketingGenerator
{
    public static readonly string[] Channels =
    [
        "FACEBOOK",
        "GOOGLE",
        "INSTAGRAM",
        "YOUTUBE",
        "EMAIL",
        "DISPLAY",
        "SEARCH",
        "SOCIAL",
        "VIDEO",
    ];

    // Cost per impression in dollars by channel (email is nearly free, search the dearest).
    private static readonly double[] ChannelCost = [0.012, 0.03, 0.012, 0.02, 0.002, 0.004, 0.045, 0.01, 0.025];

    // Relative impressions by hour of day: low at night, peaking in the evening (00:00–05:00 ≈ 3% of a day).
    private static readonly double[] HourWeights =
    [
        0.5,
        0.3,
        0.2,
        0.2,
        0.3,
        0.6,
        1.2,
        2.0,
        2.6,
        2.8,
        2.9,
        3.0,
        3.2,
        3.0,
        2.9,
        2.9,
        3.1,
        3.4,
        3.8,
        4.2,
        4.4,
        3.9,
        2.8,
        1.5,
    ];

    /// <summary>Share of impressions that lead to a purchase of a campaign product.</summary>
    public const double ConversionRate = 0.012;

    /// <summary>Products a campaign promotes: the best sellers of its department.</summary>
    private const int ProductsPerCampaign = 12;

    private readonly FactWorld _world;
    private readonly FeistelPermutation _impressionIds;
    private readonly AliasTable _hours = new(HourWeights);

    public MarketingGenerator(FactWorld world)
    {
        _world = world;
        var o = world.Options;
        _impressionIds = new FeistelPermutation(1UL << 40, o.Seed, RandomStream.ImpressionIds);
        var random = new RowRandom(o.Seed, RandomStream.Campaigns, 0);
        var departments = world.Demand.Departments;
        var count = Math.Max(Channels.Length, (o.Days / 7 * 2) + 2);
        var campaigns = new List<Campaign>();
        for (var i = 0; i < count; i++)
        {
            // The first campaign is always on (every day has one running); the next ones cover every channel.
            var channel = i < Channels.Length ? i : random.NextInt(Channels.Length);
            var first = i == 0 ? 0 : random.NextInt(o.Days) - random.NextInt(14);
            var last = i == 0 ? o.Days - 1 : first + 7 + random.NextInt(39);
            var department = random.NextInt(departments.Count);
            campaigns.Add(
                new Campaign(
                    $"CMP-{i + 1:D4}",
                    Channels[channel],
                    first,
                    last,
                    2 + random.NextInt(4),
                    ChannelCost[channel],
                    Math.Round(random.Uniform(200, 2_000), 2),
                    world.Demand.BestSellers(department, ProductsPerCampaign)
                )
            );
        }

        Campaigns = campaigns;
    }

    public IReadOnlyList<Campaign> Campaigns { get; }

    /// <summary>The day's impressions and the purchases they lead to on later days (day index, store id,
    /// conversion).</summary>
    public (
        List<MarketingImpression> Impressions,
        List<(int Day, int Store, Conversion Conversion)> Conversions
    ) Generate(int dayIndex, DateOnly date)
    {
        var o = _world.Options;
        var active = Campaigns.Where(c => c.FirstDay <= dayIndex && dayIndex <= c.LastDay).ToArray();
        var budgets = new AliasTable([.. active.Select(c => c.DailyBudget)]);
        var dayRandom = new RowRandom(o.Seed, RandomStream.Impressions, ((long)dayIndex << 32) | 0xFFFF_FFFFL);
        var count = (int)
            Math.Round(
                o.MarketingImpressionsPerDay * RetailCalendar.OnlineFactor(date) * dayRandom.Uniform(0.95, 1.05)
            );
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        var rows = new MarketingImpression[count];
        var conversions = new (int Day, int Store, Conversion Conversion)?[count];
        var trade = _world.Plan.TradeAreas;
        Parallel.For(
            0,
            count,
            i =>
            {
                var random = new RowRandom(o.Seed, RandomStream.Impressions, ((long)dayIndex << 32) + i);
                var campaign = active[budgets.Sample(ref random)];
                var device = random.NextDouble();
                var customer = trade.DrawCustomer(trade.DrawTravelStore(ref random), ref random);
                customer = customer < 0 ? random.NextInt(o.Customers) : customer;
                rows[i] = new MarketingImpression
                {
                    EventTS = midnight.AddHours(_hours.Sample(ref random)).AddSeconds(random.NextInt(3600)),
                    Channel = campaign.Channel,
                    CampaignId = campaign.Id,
                    CreativeId = $"{campaign.Id}-CR{1 + random.NextInt(campaign.Creatives)}",
                    CustomerAdId = _world.Customers.AdId(customer),
                    Cost = campaign.CostPerImpression,
                    Device =
                        device < 0.6 ? "MOBILE"
                        : device < 0.9 ? "DESKTOP"
                        : "TABLET",
                };
                if (random.Chance(ConversionRate) && campaign.Products.Length > 0)
                {
                    var day = dayIndex + 1 + random.NextInt(7);
                    var store = trade.DrawHomeStore(customer, ref random);
                    var product = campaign.Products[random.NextInt(campaign.Products.Length)];
                    conversions[i] = (
                        day,
                        store,
                        new Conversion(customer, product, campaign.Id, ((long)dayIndex << 32) + i)
                    );
                }
            }
        );

        var ordered = rows.OrderBy(r => r.EventTS)
            .ThenBy(r => r.CustomerAdId, StringComparer.Ordinal)
            .ThenBy(r => r.CampaignId, StringComparer.Ordinal)
            .ToList();
        var dayText = FactIds.Day(date);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].TraceId = FactIds.Impression(dayText, i + 1);
            ordered[i].ImpressionId =
                "IMP"
                + _impressionIds
                    .Permute(((ulong)dayIndex << 28) + (ulong)i)
                    .ToString("X10", System.Globalization.CultureInfo.InvariantCulture);
        }

        return (
            ordered,
            [
                .. conversions
                    .Where(c => c is not null && c.Value.Day < o.Days && c.Value.Store > 0)
                    .Select(c => c!.Value),
            ]
        );
    }
}
