using RetailDatagen.Core.Model;
using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Generation;

/// <summary>Products from the catalog picks, priced per DATA-CONTRACT §1.6 and launched relative to the start
/// date.</summary>
public sealed class ProductGenerator(MasterPlan plan) : ITableGenerator
{
    public TableInfo Table => Tables.Products;

    public long RowCount => plan.Options.Products;

    public IRow Create(long index)
    {
        var pick = plan.ProductPicks[(int)index];
        var random = new RowRandom(plan.Options.Seed, RandomStream.Products, index);
        var (cost, msrp, sale) = Price(ref random, pick.Base.BasePrice);
        return new Product
        {
            ID = (int)index + 1,
            ProductName = pick.Base.Name,
            Brand = pick.Brand.Brand,
            Company = pick.Brand.Company,
            Department = pick.Base.Department,
            Category = pick.Base.Category,
            Subcategory = pick.Base.Subcategory,
            Cost = cost,
            MSRP = msrp,
            SalePrice = sale,
            RequiresRefrigeration = pick.Base.RequiresRefrigeration,
            LaunchDate = LaunchDate(ref random, plan.Options.StartDate, plan.Options.Days),
        };
    }

    /// <summary>
    /// MSRP = base × U(0.85,1.15) × (1 + U(−0.15,0.15)); sale = MSRP (p=0.6) or MSRP × (1 − U(0.05,0.35)); cost = sale
    /// ×
    /// U(0.50,0.85). MSRP and sale price then take a retail ending (.29 .49 .79 .89 .97 .99, DATA-CONTRACT §4): the
    /// nearest one, below the MSRP for a markdown; 0 &lt; cost &lt; sale ≤ MSRP, all in cents.
    /// </summary>
    internal static (double Cost, double Msrp, double Sale) Price(ref RowRandom random, double basePrice)
    {
        var msrp = RetailPrice.Nearest(basePrice * random.Uniform(0.85, 1.15) * (1 + random.Uniform(-0.15, 0.15)));
        var discounted = random.NextDouble() >= 0.6;
        var discount = random.Uniform(0.05, 0.35);
        var sale = discounted ? RetailPrice.Below(msrp * (1 - discount), msrp) : msrp;
        var cost = TextFormats.RoundMoney(sale * random.Uniform(0.50, 0.85));
        if (cost >= sale)
        {
            cost = TextFormats.RoundMoney(sale - 0.01);
        }

        cost = Math.Max(cost, 0.01);
        return (cost, msrp, sale);
    }

    /// <summary>
    /// 88% launched 180–730 days before the start (DATA-CONTRACT §4: at least 85% are on the shelf from day one),
    /// the rest during the simulated window, so new products appear and ramp up.
    /// </summary>
    internal static DateOnly LaunchDate(ref RowRandom random, DateOnly start, int days)
    {
        var roll = random.NextDouble();
        return roll < 0.88
            ? start.AddDays(-random.NextIntInclusive(180, 730))
            : start.AddDays(random.NextInt(Math.Max(1, days)));
    }
}
