using RetailDatagen.Core.Generation;
using RetailDatagen.Core.Options;
using RetailDatagen.Core.Quality;
using RetailDatagen.Core.Randomness;
using RetailDatagen.Tests.TestSupport;

namespace RetailDatagen.Tests.Core;

public sealed class TradeAreasTests
{
    // The standard network (100 places, 214 stores) with fewer customers, so every test builds it quickly.
    private static readonly GenerationOptions Network = Presets.Standard with { Customers = 40_000, Seed = 11 };

    private static readonly Lazy<MasterPlan> SharedPlan = new(() => new MasterPlan(Network));

    private static TradeAreas Areas => SharedPlan.Value.TradeAreas;

    [Fact]
    public void EveryCustomer_HasOneToThreeHomeStores_AllWithinFiftyMiles_StrongestFirst()
    {
        var plan = SharedPlan.Value;
        for (var i = 0; i < Network.Customers; i++)
        {
            var home = Areas.Locate(i);
            Assert.InRange(home.StoreCount, 1, 3);
            Assert.Equal(home.StoreCount, Areas.HomeStoreCount(i));
            Assert.Equal(home.PrimaryStore, Areas.HomeStore(i, 0));
            Assert.Equal(1.0, Enumerable.Range(0, home.StoreCount).Sum(home.Weight), 9);
            for (var k = 0; k < home.StoreCount; k++)
            {
                Assert.Equal(home.Store(k), Areas.HomeStore(i, k));
                var place = plan.Geographies[plan.Stores[home.Store(k) - 1].GeographyID - 1];
                var miles = Geo.Miles(home.Latitude, home.Longitude, place.Latitude, place.Longitude);
                Assert.True(
                    miles <= TradeAreas.ReachMiles,
                    $"customer {i}: home store {home.Store(k)} is {miles:F1} miles away"
                );
                Assert.True(k == 0 || home.Weight(k) <= home.Weight(k - 1));
            }

            Assert.Equal(home.StoreCount, Enumerable.Range(0, home.StoreCount).Select(home.Store).Distinct().Count());
        }
    }

    [Fact]
    public void EveryHome_GetsTheZipOfItsPlaceWhoseCentroidIsNearest()
    {
        var plan = SharedPlan.Value;
        for (var i = 0; i < Network.Customers; i += 7)
        {
            var home = Areas.Locate(i);
            var zips = plan.GeographyEntries[home.GeographyId - 1].Zips;
            var own = zips.Single(z => z.ZipCode == home.ZipCode);
            var nearest = zips.Min(z => Geo.Miles(home.Latitude, home.Longitude, z.Latitude, z.Longitude));
            Assert.True(
                Geo.Miles(home.Latitude, home.Longitude, own.Latitude, own.Longitude) <= nearest + 0.1,
                $"customer {i} in {home.ZipCode}"
            );
        }
    }

    [Fact]
    public void WithASingleStore_AllCustomersLiveWithinReachOfIt_AndShopThere()
    {
        // Places beyond the reach of the only store get no customers, however many places the run has.
        var plan = new MasterPlan(
            Presets.Small with
            {
                Geographies = 633,
                Stores = 1,
                DistributionCenters = 1,
                Customers = 2_000,
            }
        );
        var store = plan.Geographies[plan.Stores[0].GeographyID - 1];

        for (var i = 0; i < 2_000; i++)
        {
            var home = plan.TradeAreas.Locate(i);
            Assert.Equal(1, home.PrimaryStore);
            Assert.True(Geo.Miles(home.Latitude, home.Longitude, store.Latitude, store.Longitude) <= 50);
        }
    }

    [Fact]
    public void Locate_IsAPureFunctionOfSeedAndIndex_AndTheIndexIsIdenticalWhenRebuilt()
    {
        var again = new MasterPlan(Network).TradeAreas;
        var other = new MasterPlan(Network with { Seed = 12 }).TradeAreas;

        for (var i = 0; i < Network.Customers; i += 97)
        {
            Assert.Equal(Areas.Locate(i), again.Locate(i));
            Assert.Equal(Areas.ActivityWeight(i), again.ActivityWeight(i));
            Assert.Equal(Areas.IsLoyaltyMember(i), again.IsLoyaltyMember(i));
        }

        Assert.NotEqual(
            Enumerable.Range(0, 200).Select(i => Areas.Locate(i).Latitude),
            Enumerable.Range(0, 200).Select(i => other.Locate(i).Latitude)
        );
        for (var s = 1; s <= Network.Stores; s++)
        {
            Assert.Equal(Areas.StoreDemandWeight(s), again.StoreDemandWeight(s));
            Assert.Equal(Areas.CustomersWithin25Miles(s), again.CustomersWithin25Miles(s));
            var a = new RowRandom(1, RandomStream.Receipts, s);
            var b = new RowRandom(1, RandomStream.Receipts, s);
            Assert.Equal(Areas.DrawCustomer(s, ref a), again.DrawCustomer(s, ref b));
        }
    }

    [Fact]
    public void DrawCustomer_ReturnsOnlyTheStoresOwnShoppers_InProportionToActivityTimesHomeWeight()
    {
        var store = Enumerable.Range(1, Network.Stores).MaxBy(Areas.HomeCustomerCount);
        var expected = new Dictionary<int, double>();
        for (var i = 0; i < Network.Customers; i++)
        {
            var home = Areas.Locate(i);
            for (var k = 0; k < home.StoreCount; k++)
            {
                if (home.Store(k) == store)
                {
                    expected[i] = Areas.ActivityWeight(i) * home.Weight(k);
                }
            }
        }

        var random = new RowRandom(3, RandomStream.Receipts, 0);
        var drawn = new Dictionary<int, int>();
        const int draws = 200_000;
        for (var d = 0; d < draws; d++)
        {
            var c = Areas.DrawCustomer(store, ref random);
            Assert.True(expected.ContainsKey(c), $"customer {c} does not shop at store {store}");
            drawn[c] = drawn.GetValueOrDefault(c) + 1;
        }

        Assert.Equal(expected.Count, Areas.HomeCustomerCount(store));
        var total = expected.Values.Sum();
        // The 20 heaviest shoppers: observed share within 15% of the expected share.
        foreach (var (customer, weight) in expected.OrderByDescending(e => e.Value).Take(20))
        {
            var share = drawn.GetValueOrDefault(customer) / (double)draws;
            Assert.InRange(share, weight / total * 0.85, weight / total * 1.15);
        }
    }

    [Fact]
    public void DrawHomeStore_FollowsTheHomeStoreWeights()
    {
        var customer = Enumerable.Range(0, Network.Customers).First(i => Areas.HomeStoreCount(i) == 3);
        var home = Areas.Locate(customer);
        var random = new RowRandom(5, RandomStream.Receipts, 0);
        var counts = new Dictionary<int, int>();
        for (var d = 0; d < 100_000; d++)
        {
            var s = Areas.DrawHomeStore(customer, ref random);
            counts[s] = counts.GetValueOrDefault(s) + 1;
        }

        Assert.All(counts.Keys, s => Assert.Contains(s, Enumerable.Range(0, 3).Select(home.Store)));
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(home.Weight(k), counts.GetValueOrDefault(home.Store(k)) / 100_000.0, 0.01);
        }
    }

    [Fact]
    public void VisitFrequency_IsHeavyTailed_TopTenthOfActiveShoppersBringAtLeastThirtyPercent_MembersShopMore()
    {
        // Identified receipts as the fact side makes them: a store by demand, then one of its shoppers.
        var random = new RowRandom(9, RandomStream.Receipts, 1);
        var receipts = new int[Network.Customers];
        for (var r = 0; r < 2 * Network.Customers; r++)
        {
            var store = Areas.DrawTravelStore(ref random);
            var c = Areas.DrawCustomer(store, ref random);
            if (c >= 0)
            {
                receipts[c]++;
            }
        }

        var active = receipts.Where(n => n > 0).OrderDescending().ToList();
        var topShare = active.Take(active.Count / 10).Sum() / (double)active.Sum();
        Assert.True(topShare >= 0.30, $"top 10% of active customers bring {topShare:P1}");
        var members = Enumerable.Range(0, Network.Customers).Where(Areas.IsLoyaltyMember).ToList();
        Assert.InRange(members.Count / (double)Network.Customers, 0.37, 0.43);
        var memberVisits = members.Average(i => receipts[i]);
        var otherVisits = Enumerable
            .Range(0, Network.Customers)
            .Where(i => !Areas.IsLoyaltyMember(i))
            .Average(i => receipts[i]);
        Assert.True(memberVisits > 1.5 * otherVisits, $"members {memberVisits:F2} vs others {otherVisits:F2} receipts");
    }

    [Fact]
    public void StoreDemand_FollowsThePopulationAroundTheStore()
    {
        var stores = Enumerable.Range(1, Network.Stores).ToList();
        var demand = stores.Select(Areas.StoreDemandWeight).ToList();
        var nearby = stores.Select(s => (double)Areas.CustomersWithin25Miles(s)).ToList();

        Assert.Equal(1.0, demand.Average(), 6);
        Assert.True(
            RankCorrelation.Spearman(demand, nearby) >= 0.5,
            $"Spearman {RankCorrelation.Spearman(demand, nearby):F2}"
        );
        var random = new RowRandom(2, RandomStream.Receipts, 2);
        var travel = new int[Network.Stores + 1];
        for (var d = 0; d < 100_000; d++)
        {
            travel[Areas.DrawTravelStore(ref random)]++;
        }

        var busiest = stores.MaxBy(Areas.StoreDemandWeight);
        Assert.Equal(Areas.StoreDemandWeight(busiest) / Network.Stores, travel[busiest] / 100_000.0, 0.005);
    }
}
