using RetailDatagen.Core.Generation;
using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Facts;

/// <summary>A line a shopper intends to buy: product (0-based), units, and the unit price after any promotion.</summary>
internal readonly record struct DraftLine(int Product, int Units, double UnitPrice, string? Promo);

/// <summary>A shopper's visit before it meets the shelves: when, who (null: anonymous), how they pay, what they want.</summary>
internal sealed record ReceiptDraft(DateTime Time, int? CustomerId, string Tender, List<DraftLine> Lines);

/// <summary>
/// Drafts a store-day's baskets from the retailer profile: the number of lines per basket is 1 + a Poisson count
/// whose mean varies by shopper (a lognormal spread: quick trips and big weekly shops), each line a department by
/// the profile's line weights and a product by popularity, units by the department's quantity pattern (one unit
/// for big-ticket items), and a promotion on the profile's share of lines.
/// </summary>
internal sealed class BasketDrafter(FactWorld world)
{
    // Lognormal spread of a shopper's basket size: σ = 0.6 (its mean, e^(σ²/2), is divided out).
    private const double BasketSpread = 0.6;
    private const int MaxLines = 60;

    public List<ReceiptDraft> Draft(int count, long baseKey, DateOnly date, int[] hours, AliasTable hourAlias)
    {
        var o = world.Options;
        var profile = world.Demand.Profile;
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        var drafts = new List<ReceiptDraft>(count);
        var customersByHour = new Dictionary<int, HashSet<int>>();
        for (var i = 0; i < count; i++)
        {
            var random = new RowRandom(o.Seed, RandomStream.Receipts, baseKey + i);
            var hour = hours[hourAlias.Sample(ref random)];
            var time = midnight.AddHours(hour).AddSeconds(random.NextInt(3600));

            // One receipt per customer per store-hour, so distinct BLE shoppers can always cover the receipts.
            var seen = customersByHour.TryGetValue(hour, out var set) ? set : customersByHour[hour] = [];
            var customer = random.NextInt(o.Customers) + 1;
            for (var attempt = 0; attempt < 20 && seen.Contains(customer); attempt++)
            {
                customer = random.NextInt(o.Customers) + 1;
            }

            if (!seen.Add(customer))
            {
                continue;
            }

            var spread = Math.Exp((BasketSpread * Normal(ref random)) - (BasketSpread * BasketSpread / 2));
            var lineCount = Math.Min(MaxLines, 1 + Poisson(ref random, (profile.MeanLinesPerReceipt - 1) * spread));
            drafts.Add(new ReceiptDraft(time, customer, world.PickTender(ref random, allowCash: true), Lines(ref random, lineCount, date.DayNumber)));
        }

        drafts.Sort((a, b) => a.Time.CompareTo(b.Time));
        return drafts;
    }

    private List<DraftLine> Lines(ref RowRandom random, int count, int dayNumber)
    {
        var demand = world.Demand;
        var profile = demand.Profile;
        var lines = new List<DraftLine>(count);
        for (var l = 0; l < count; l++)
        {
            var product = demand.DrawProduct(ref random, dayNumber);
            if (product < 0 || lines.Exists(x => x.Product == product))
            {
                continue;
            }

            var units = demand.DrawUnits(ref random, product);
            var price = world.Products[product].SalePrice;
            string? promo = null;
            if (random.Chance(profile.PromoLineShare))
            {
                var depth = Math.Round(random.Uniform(profile.PromoDepthMin, profile.PromoDepthMax) * 20) / 20;
                promo = $"SAVE{(int)Math.Round(depth * 100)}";
                price = Math.Max(0.01, Model.TextFormats.RoundMoney(price * (1 - depth)));
            }

            lines.Add(new DraftLine(product, units, price, promo));
        }

        return lines;
    }

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
