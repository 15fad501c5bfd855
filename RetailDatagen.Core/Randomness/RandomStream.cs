namespace RetailDatagen.Core.Randomness;

/// <summary>
/// Independent random streams. Each value is part of the data contract: changing one changes the data
/// (bump <see cref="Pipeline.GeneratorInfo.Version"/>).
/// </summary>
public enum RandomStream : ulong
{
    GeographySelection = 1,
    DistributionCenters = 2,
    Stores = 3,
    Trucks = 4,
    Customers = 5,
    Products = 6,
    ProductSelection = 7,
    DcSnapshots = 8,
    StoreSnapshots = 9,
    Vocabulary = 10,
    LoyaltyCards = 11,
    BleIds = 12,
    AdIds = 13,
    LicensePlates = 14,
    CustomerHomes = 15,
    CustomerActivity = 16,
    StoreSizes = 17,
    ProductPopularity = 20,
    StoreTraffic = 21,
    StoreDay = 22,
    Receipts = 23,
    Presence = 24,
    Adjustments = 25,
    OnlineOrders = 26,
    Campaigns = 27,
    Impressions = 28,
    ImpressionIds = 29,
    Routes = 30,
    Trips = 31,
    Returns = 32,
    Baskets = 33,
}
