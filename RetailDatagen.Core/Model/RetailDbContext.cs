using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using RetailDatagen.Core.Model.Configurations;

namespace RetailDatagen.Core.Model;

/// <summary>The schema of <c>retail.db</c>. Bulk rows bypass the change tracker; the model defines tables, keys and
/// indexes.</summary>
public sealed class RetailDbContext(DbContextOptions<RetailDbContext> options) : DbContext(options)
{
    public DbSet<Geography> Geographies => Set<Geography>();
    public DbSet<DistributionCenter> DistributionCenters => Set<DistributionCenter>();
    public DbSet<Store> Stores => Set<Store>();
    public DbSet<Truck> Trucks => Set<Truck>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<DcInventorySnapshot> DcInventorySnapshots => Set<DcInventorySnapshot>();
    public DbSet<StoreInventorySnapshot> StoreInventorySnapshots => Set<StoreInventorySnapshot>();
    public DbSet<Receipt> Receipts => Set<Receipt>();
    public DbSet<ReceiptLine> ReceiptLines => Set<ReceiptLine>();
    public DbSet<StoreInventoryTxn> StoreInventoryTxns => Set<StoreInventoryTxn>();
    public DbSet<DcInventoryTxn> DcInventoryTxns => Set<DcInventoryTxn>();
    public DbSet<TruckMove> TruckMoves => Set<TruckMove>();
    public DbSet<FootTraffic> FootTraffic => Set<FootTraffic>();
    public DbSet<BlePing> BlePings => Set<BlePing>();
    public DbSet<MarketingImpression> Marketing => Set<MarketingImpression>();
    public DbSet<OnlineOrder> OnlineOrders => Set<OnlineOrder>();
    public DbSet<OnlineOrderLine> OnlineOrderLines => Set<OnlineOrderLine>();
    public DbSet<MetaRun> MetaRuns => Set<MetaRun>();
    public DbSet<MetaTable> MetaTables => Set<MetaTable>();
    public DbSet<MetaQuality> MetaQuality => Set<MetaQuality>();

    public DbSet<MetaRealism> MetaRealism => Set<MetaRealism>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Foreign keys are declared (and checked while writing), but not every FK column is worth an index:
        // indexes cost write time, so the configurations add the ones browsing and joins use.
        configurationBuilder.Conventions.Remove<ForeignKeyIndexConvention>();

        // One text form per type, shared with the CSV files and the content hash (TextFormats).
        configurationBuilder.Properties<DateTime>().HaveConversion<IsoTimestampConverter>().HaveColumnType("TEXT");
        configurationBuilder.Properties<DateOnly>().HaveConversion<IsoDateConverter>().HaveColumnType("TEXT");

        // Money and coordinates are REAL (money rounded to cents), never EF Core's decimal-as-TEXT.
        configurationBuilder.Properties<double>().HaveColumnType("REAL");
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RetailDbContext).Assembly);
}
