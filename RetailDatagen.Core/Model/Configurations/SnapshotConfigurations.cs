using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RetailDatagen.Core.Model.Configurations;

internal sealed class DcInventorySnapshotConfiguration : IEntityTypeConfiguration<DcInventorySnapshot>
{
    public void Configure(EntityTypeBuilder<DcInventorySnapshot> builder)
    {
        builder.ToContractTable(Tables.DcInventorySnapshots);
        builder.HasKey(x => new { x.DCID, x.ProductID });
        builder.HasOne<DistributionCenter>().WithMany().HasForeignKey(x => x.DCID).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductID).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StoreInventorySnapshotConfiguration : IEntityTypeConfiguration<StoreInventorySnapshot>
{
    public void Configure(EntityTypeBuilder<StoreInventorySnapshot> builder)
    {
        builder.ToContractTable(Tables.StoreInventorySnapshots);
        builder.HasKey(x => new { x.StoreID, x.ProductID });
        builder.HasOne<Store>().WithMany().HasForeignKey(x => x.StoreID).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductID).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MetaRunConfiguration : IEntityTypeConfiguration<MetaRun>
{
    public void Configure(EntityTypeBuilder<MetaRun> builder)
    {
        builder.ToTable("meta_run");
        builder.HasKey(x => x.RunId);
    }
}

internal sealed class MetaTableConfiguration : IEntityTypeConfiguration<MetaTable>
{
    public void Configure(EntityTypeBuilder<MetaTable> builder)
    {
        builder.ToTable("meta_tables");
        builder.HasKey(x => x.TableName);
    }
}

internal sealed class MetaQualityConfiguration : IEntityTypeConfiguration<MetaQuality>
{
    public void Configure(EntityTypeBuilder<MetaQuality> builder)
    {
        builder.ToTable("meta_quality");
        builder.HasKey(x => x.Check);
    }
}

internal sealed class MetaRealismConfiguration : IEntityTypeConfiguration<MetaRealism>
{
    public void Configure(EntityTypeBuilder<MetaRealism> builder)
    {
        builder.ToTable("meta_realism");
        builder.HasKey(x => x.Kpi);
    }
}
