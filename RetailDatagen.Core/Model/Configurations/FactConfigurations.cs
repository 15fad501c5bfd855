using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RetailDatagen.Core.Model.Configurations;

internal sealed class ReceiptConfiguration : IEntityTypeConfiguration<Receipt>
{
    public void Configure(EntityTypeBuilder<Receipt> builder)
    {
        builder.ToContractTable(Tables.Receipts);
        builder.HasKey(x => x.ReceiptId);
        builder.HasOne<Store>().WithMany().HasForeignKey(x => x.StoreID).OnDelete(DeleteBehavior.Restrict);
        builder
            .HasOne<Customer>()
            .WithMany()
            .HasForeignKey(x => x.CustomerID)
            .IsRequired(false)
            .OnDelete(DeleteBehavior.Restrict);
        builder
            .HasOne<Receipt>()
            .WithMany()
            .HasForeignKey(x => x.ReturnForReceiptId)
            .IsRequired(false)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.StoreID, x.EventTS });
    }
}

internal sealed class ReceiptLineConfiguration : IEntityTypeConfiguration<ReceiptLine>
{
    public void Configure(EntityTypeBuilder<ReceiptLine> builder)
    {
        builder.ToContractTable(Tables.ReceiptLines);
        builder.HasKey(x => new { x.ReceiptId, x.Line });
        builder.HasOne<Receipt>().WithMany().HasForeignKey(x => x.ReceiptId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductID).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StoreInventoryTxnConfiguration : IEntityTypeConfiguration<StoreInventoryTxn>
{
    public void Configure(EntityTypeBuilder<StoreInventoryTxn> builder)
    {
        builder.ToContractTable(Tables.StoreInventoryTxns);
        builder.HasKey(x => x.TraceId);
        builder.HasOne<Store>().WithMany().HasForeignKey(x => x.StoreID).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductID).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new
        {
            x.StoreID,
            x.ProductID,
            x.EventTS,
        });
    }
}

internal sealed class DcInventoryTxnConfiguration : IEntityTypeConfiguration<DcInventoryTxn>
{
    public void Configure(EntityTypeBuilder<DcInventoryTxn> builder)
    {
        builder.ToContractTable(Tables.DcInventoryTxns);
        builder.HasKey(x => x.TraceId);
        builder.HasOne<DistributionCenter>().WithMany().HasForeignKey(x => x.DCID).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductID).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TruckMoveConfiguration : IEntityTypeConfiguration<TruckMove>
{
    public void Configure(EntityTypeBuilder<TruckMove> builder)
    {
        builder.ToContractTable(Tables.TruckMoves);
        builder.HasKey(x => x.TraceId);
        builder.HasOne<Truck>().WithMany().HasForeignKey(x => x.TruckId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DistributionCenter>().WithMany().HasForeignKey(x => x.DCID).OnDelete(DeleteBehavior.Restrict);
        builder
            .HasOne<Store>()
            .WithMany()
            .HasForeignKey(x => x.StoreID)
            .IsRequired(false)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.ShipmentId);
    }
}

internal sealed class FootTrafficConfiguration : IEntityTypeConfiguration<FootTraffic>
{
    public void Configure(EntityTypeBuilder<FootTraffic> builder)
    {
        builder.ToContractTable(Tables.FootTraffic);
        builder.HasKey(x => x.TraceId);
        builder.HasOne<Store>().WithMany().HasForeignKey(x => x.StoreID).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BlePingConfiguration : IEntityTypeConfiguration<BlePing>
{
    public void Configure(EntityTypeBuilder<BlePing> builder)
    {
        builder.ToContractTable(Tables.BlePings);
        builder.HasKey(x => x.TraceId);
        builder.HasOne<Store>().WithMany().HasForeignKey(x => x.StoreID).OnDelete(DeleteBehavior.Restrict);
        builder
            .HasOne<Customer>()
            .WithMany()
            .HasForeignKey(x => x.CustomerBLEId)
            .HasPrincipalKey(c => c.BLEId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MarketingImpressionConfiguration : IEntityTypeConfiguration<MarketingImpression>
{
    public void Configure(EntityTypeBuilder<MarketingImpression> builder)
    {
        builder.ToContractTable(Tables.Marketing);
        builder.HasKey(x => x.TraceId);
        builder.HasIndex(x => x.ImpressionId).IsUnique();
        builder
            .HasOne<Customer>()
            .WithMany()
            .HasForeignKey(x => x.CustomerAdId)
            .HasPrincipalKey(c => c.AdId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OnlineOrderConfiguration : IEntityTypeConfiguration<OnlineOrder>
{
    public void Configure(EntityTypeBuilder<OnlineOrder> builder)
    {
        builder.ToContractTable(Tables.OnlineOrders);
        builder.HasKey(x => x.OrderId);
        builder.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerID).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OnlineOrderLineConfiguration : IEntityTypeConfiguration<OnlineOrderLine>
{
    public void Configure(EntityTypeBuilder<OnlineOrderLine> builder)
    {
        builder.ToContractTable(Tables.OnlineOrderLines);
        builder.HasKey(x => new { x.OrderId, x.Line });
        builder.HasOne<OnlineOrder>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductID).OnDelete(DeleteBehavior.Restrict);
    }
}
