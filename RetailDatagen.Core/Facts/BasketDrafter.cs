using RetailDatagen.Core.Generation;
using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Facts;

/// <summary>A line a shopper intends to buy: product (0-based), units, and the unit price after any
/// promotion.</summary>
internal readonly record struct DraftLine(int Product, int Units, double UnitPrice, string? Promo);

/// <summary>A shopper's visit before it meets the shelves: when, who (null: anonymous), how they pay, what they
/// want.</summary>
internal sealed record ReceiptDraft(DateTime Time, int? CustomerId, string Tender, List<DraftLine> Lines);

/// <summary>An ad impression that converts: the customer (0-based) buys the campaign's product at this store on this
/// day.</summary>
internal sealed record Conversion(int Customer, int Product, string CampaignId, long Key);

/// <summary>
/// Drafts a store-day's baskets from the retailer profile: the number of lines per basket is 1 + a Poisson count
/// whose mean varies by shopper (a lognormal spread: quick trips and big weekly shops), each line a department by
/// the profile's line weights and a product by popularity, units by the department's quantity pattern (one unit
/// for big-ticket items), and a promotion on the profile's share of lines. Who shops (DATA-CONTRACT §4): a share
/// of receipts is anonymous (mostly cash); the rest are customers of the store's trade area, drawn by their
/// home-store weight and visit propensity (a few travel from elsewhere); loyalty members fill larger baskets.
/// Ad conversions of earlier days become receipts too, their campaign product's line carrying the campaign id.
/// </summary>
internal sealed class BasketDrafter(FactWorld world)
{
    // Lognormal spread of a shopper's basket size: σ = 0.6 (its mean, e^(σ²/2), is divided out).
    private const double BasketSpread = 0.6;
    private const int MaxLines = 60;

    // Cash sales are anonymous this often; card sales fill the rest of the configured anonymous share.
    private const double CashAnonymous = 0.85;

    // Loyalty members' baskets are this much larger than other customers'; dividing by the average factor over
    // the 40% who are members keeps the overall mean basket at the profile's.
    private const double MemberBasketFactor = 1.3;
    private const double MeanMemberFactor = 1 + ((MemberBasketFactor - 1) * 0.4);

    // Promotion codes by percent off, made once rather than once a promoted line.
    private static readonly string[] PromoCodes = [.. Enumerable.Range(0, 101).Select(p => $"SAVE{p}")];

    public List<ReceiptDraft> Draft(
        int storeId,
        int count,
        long baseKey,
        DateOnly date,
        int[] hours,
        AliasTable hourAlias,
        IReadOnlyList<Conversion> conversions
    )
    {
        var o = world.Options;
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        var drafts = new List<ReceiptDraft>(count + conversions.Count);
        var customersByHour = new Dictionary<int, HashSet<int>>();
        var cashShare = world.TenderWeights[2] / (double)Math.Max(1, world.TenderWeights.Sum());
        var cashAnonymous = Math.Min(CashAnonymous, o.AnonymousPercent / 100.0 / Math.Max(1e-9, cashShare));
        var cardAnonymous = Math.Clamp(
            ((o.AnonymousPercent / 100.0) - (cashShare * cashAnonymous)) / Math.Max(1e-9, 1 - cashShare),
            0,
            1
        );

        // One receipt per customer per store-hour (a visit ends at its receipt).
        bool Claim(int hour, int customer) =>
            (customersByHour.TryGetValue(hour, out var set) ? set : customersByHour[hour] = []).Add(customer);

        for (var i = 0; i < count; i++)
        {
            var random = new RowRandom(o.Seed, RandomStream.Receipts, baseKey + i);
            var hour = hours[hourAlias.Sample(ref random)];
            var time = midnight.AddHours(hour).AddSeconds(random.NextInt(3600));
            var tender = world.PickTender(ref random, allowCash: true);
            int? customer = null;
            if (!random.Chance(tender == Model.FactCodes.Tender.Cash ? cashAnonymous : cardAnonymous))
            {
                var from =
                    random.NextDouble() * 1000 < o.TravelPerMille
                        ? world.Plan.TradeAreas.DrawTravelStore(ref random)
                        : storeId;
                var drawn = world.Plan.TradeAreas.DrawCustomer(from, ref random);
                customer = drawn >= 0 && Claim(hour, drawn) ? drawn : null;
            }

            var member = customer is { } c && world.Plan.TradeAreas.IsLoyaltyMember(c);
            drafts.Add(
                new ReceiptDraft(
                    time,
                    customer + 1,
                    tender,
                    Lines(ref random, LineCount(ref random, member), date.DayNumber)
                )
            );
        }

        foreach (var conversion in conversions)
        {
            var random = new RowRandom(o.Seed, RandomStream.Conversions, conversion.Key);
            var hour = hours[hourAlias.Sample(ref random)];
            if (!Claim(hour, conversion.Customer) || world.Demand.LaunchDay[conversion.Product] > date.DayNumber)
            {
                continue;
            }

            var lines = Lines(
                ref random,
                LineCount(ref random, world.Plan.TradeAreas.IsLoyaltyMember(conversion.Customer)) - 1,
                date.DayNumber
            );
            lines.RemoveAll(l => l.Product == conversion.Product);
            lines.Insert(
                0,
                new DraftLine(
                    conversion.Product,
                    world.Demand.DrawUnits(ref random, conversion.Product),
                    world.Products[conversion.Product].SalePrice,
                    conversion.CampaignId
                )
            );
            drafts.Add(
                new ReceiptDraft(
                    midnight.AddHours(hour).AddSeconds(random.NextInt(3600)),
                    conversion.Customer + 1,
                    world.PickTender(ref random, allowCash: false),
                    lines
                )
            );
        }

        drafts.Sort((a, b) => a.Time.CompareTo(b.Time));
        return drafts;
    }

    private int LineCount(ref RowRandom random, bool member)
    {
        var profile = world.Demand.Profile;
        var spread =
            Math.Exp((BasketSpread * Normal(ref random)) - (BasketSpread * BasketSpread / 2))
            * (member ? MemberBasketFactor : 1)
            / MeanMemberFactor;
        return Math.Min(MaxLines, 1 + Poisson(ref random, (profile.MeanLinesPerReceipt - 1) * spread));
    }

    private List<DraftLine> Lines(ref RowRandom random, int count, int dayNumber)
    {
        var demand = world.Demand;
        var profile = demand.Profile;
        var lines = new List<DraftLine>(count);
        for (var l = 0; l < count; l++)
        {
            var product = demand.DrawProduct(ref random, dayNumber);
            if (product < 0 || Contains(lines, product))
            {
                continue;
            }

            var units = demand.DrawUnits(ref random, product);
            var price = world.Products[product].SalePrice;
            string? promo = null;
            if (random.Chance(profile.PromoLineShare))
            {
                var depth = Math.Round(random.Uniform(profile.PromoDepthMin, profile.PromoDepthMax) * 20) / 20;
                promo = PromoCode((int)Math.Round(depth * 100));
                price = Math.Max(0.01, Model.TextFormats.RoundMoney(price * (1 - depth)));
            }

            lines.Add(new DraftLine(product, units, price, promo));
        }

        return lines;
    }

    // A plain loop: a lambda here allocated a closure and a delegate for every line drafted.
    private static bool Contains(List<DraftLine> lines, int product)
    {
        foreach (var line in lines)
        {
            if (line.Product == product)
            {
                return true;
            }
        }

        return false;
    }

    private static string PromoCode(int percent) =>
        percent is >= 0 and <= 100 ? PromoCodes[percent] : $"SAVE{percent}";

    /// <summary>Poisson count by inversion (means here stay below ~60).</summary>
    internal static int Poisson(ref RowRandom random, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        var limit = Math.Exp(-Math.Min(mean, 500));
        var k = 0;
        var product = random.NextDouble();
        while (product > limit && k < 1000)
        {
            k++;
            product *= random.NextDouble();
        }

        return k;
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    internal static double Normal(ref RowRandom random)
    {
        var u = 1.0 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }
}
