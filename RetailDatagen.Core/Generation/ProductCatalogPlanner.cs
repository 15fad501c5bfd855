using RetailDatagen.Core.Dictionaries;
using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Generation;

/// <summary>A (base product, brand) pair chosen for one product id.</summary>
public sealed record ProductPick(CatalogProduct Base, BrandEntry Brand);

/// <summary>
/// Chooses which (base product, brand) pairs become products. Department sizes follow the retailer profile's
/// catalog shares (a supercenter carries far more grocery items than TVs); each brand sells in its own
/// department, house brands in every food department; pairs are distinct, so (ProductName, Brand) is unique.
/// A department that cannot fill its share hands the rest to the others, largest share first.
/// </summary>
internal static class ProductCatalogPlanner
{
    public static ProductPick[] Pick(ReferenceData reference, RetailerProfile profile, int count, long seed)
    {
        var departments = reference.Departments;
        var pools = departments
            .Select(
                (department, d) =>
                {
                    var food = profile.Department(department)?.Food == true;
                    var bases = reference.ProductsByDepartment[department];
                    IReadOnlyList<BrandEntry> brands = food
                        ? [.. reference.BrandsByDepartment[department], .. reference.HouseBrands]
                        : reference.BrandsByDepartment[department];
                    var pairs = new ProductPick[bases.Count * brands.Count];
                    for (var b = 0; b < bases.Count; b++)
                    {
                        for (var r = 0; r < brands.Count; r++)
                        {
                            pairs[(b * brands.Count) + r] = new ProductPick(bases[b], brands[r]);
                        }
                    }

                    Shuffle(pairs, seed, 1000 + d);
                    return pairs;
                }
            )
            .ToArray();

        var quotas = Quotas(departments, profile, pools.Select(p => p.Length).ToArray(), count);
        var picks = new List<ProductPick>(count);
        for (var d = 0; d < departments.Count; d++)
        {
            picks.AddRange(pools[d].Take(quotas[d]));
        }

        var result = picks.ToArray();
        Shuffle(result, seed, 0);
        return result;
    }

    /// <summary>Products per department: the profile's share of <paramref name="count"/>, within capacity and the
    /// profile's cap.</summary>
    internal static int[] Quotas(IReadOnlyList<string> departments, RetailerProfile profile, int[] capacity, int count)
    {
        var shares = departments.Select(d => profile.Department(d)?.CatalogShare ?? 0).ToArray();
        var total = shares.Sum();
        var cap =
            profile.MaxDepartmentCatalogShare >= 1
                ? int.MaxValue
                : (int)Math.Floor(profile.MaxDepartmentCatalogShare * count);
        var limit = capacity.Select(c => Math.Min(c, Math.Max(cap, 1))).ToArray();
        var quotas = shares.Select((s, d) => Math.Min(limit[d], (int)Math.Floor(count * s / total))).ToArray();
        var order = Enumerable.Range(0, departments.Count).OrderByDescending(d => shares[d]).ThenBy(d => d).ToArray();
        var missing = count - quotas.Sum();
        while (missing > 0)
        {
            var before = missing;
            foreach (var d in order)
            {
                if (missing > 0 && quotas[d] < limit[d])
                {
                    quotas[d]++;
                    missing--;
                }
            }

            if (missing == before)
            {
                throw new InvalidOperationException(
                    $"The catalog holds only {quotas.Sum()} distinct products for this profile; {count} were asked for."
                );
            }
        }

        return quotas;
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
