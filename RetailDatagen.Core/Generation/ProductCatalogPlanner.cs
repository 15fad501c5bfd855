using RetailDatagen.Core.Dictionaries;
using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Generation;

/// <summary>A (base product, brand) pair chosen for one product id.</summary>
public sealed record ProductPick(CatalogProduct Base, BrandEntry Brand);

/// <summary>
/// Chooses which (base product, brand) pairs become products. Departments take turns, so the catalog is
/// balanced (the source tool's catalog was skewed toward a few departments); pairs are distinct, so
/// (ProductName, Brand) is unique.
/// </summary>
internal static class ProductCatalogPlanner
{
    public static ProductPick[] Pick(ReferenceData reference, int count, long seed)
    {
        var queues = reference.Departments
            .Select((department, d) =>
            {
                var bases = reference.ProductsByDepartment[department];
                var brands = reference.BrandsByDepartment[department];
                var pairs = new ProductPick[bases.Count * brands.Count];
                for (var b = 0; b < bases.Count; b++)
                {
                    for (var r = 0; r < brands.Count; r++)
                    {
                        pairs[(b * brands.Count) + r] = new ProductPick(bases[b], brands[r]);
                    }
                }

                Shuffle(pairs, seed, 1000 + d);
                return new Queue<ProductPick>(pairs);
            })
            .ToList();

        var picks = new List<ProductPick>(count);
        while (picks.Count < count)
        {
            var before = picks.Count;
            foreach (var queue in queues)
            {
                if (picks.Count == count)
                {
                    break;
                }

                if (queue.Count > 0)
                {
                    picks.Add(queue.Dequeue());
                }
            }

            if (picks.Count == before)
            {
                throw new InvalidOperationException($"The catalog holds only {picks.Count} distinct products; {count} were asked for.");
            }
        }

        var result = picks.ToArray();
        Shuffle(result, seed, 0);
        return result;
    }

    private static void Shuffle<T>(T[] items, long seed, long salt)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var random = new RowRandom(seed, RandomStream.ProductSelection, (salt << 32) + i);
            var j = random.NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
