using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RetailDatagen.Core.Model.Configurations;

internal sealed class GeographyConfiguration : IEntityTypeConfiguration<Geography>
{
    public void Configure(EntityTypeBuilder<Geography> builder)
    {
        builder.ToContractTable(Tables.Geographies);
        builder.HasKey(x => x.ID);
        builder.Property(x => x.ID).ValueGeneratedNever();
        builder.HasIndex(x => new { x.State, x.City });
        builder.HasIndex(x => x.Region);
    }
}

internal sealed class DistributionCenterConfiguration : IEntityTypeConfiguration<DistributionCenter>
{
    public void Configure(EntityTypeBuilder<DistributionCenter> builder)
    {
        builder.ToContractTable(Tables.DistributionCenters);
        builder.HasKey(x => x.ID);
        builder.Property(x => x.ID).ValueGeneratedNever();
        builder.HasIndex(x => x.DCNumber).IsUnique();
        builder.HasIndex(x => x.GeographyID);
        builder.HasOne<Geography>().WithMany().HasForeignKey(x => x.GeographyID).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StoreConfiguration : IEntityTypeConfiguration<Store>
{
    public void Configure(EntityTypeBuilder<Store> builder)
    {
        builder.ToContractTable(Tables.Stores);
        builder.HasKey(x => x.ID);
        builder.Property(x => x.ID).ValueGeneratedNever();
        builder.HasIndex(x => x.StoreNumber).IsUnique();
        builder.HasIndex(x => x.GeographyID);
        builder.HasIndex(x => x.DCID);
        builder.HasOne<Geography>().WithMany().HasForeignKey(x => x.GeographyID).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DistributionCenter>().WithMany().HasForeignKey(x => x.DCID).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TruckConfiguration : IEntityTypeConfiguration<Truck>
{
    public void Configure(EntityTypeBuilder<Truck> builder)
    {
        builder.ToContractTable(Tables.Trucks);
        builder.HasKey(x => x.ID);
        builder.Property(x => x.ID).ValueGeneratedNever();
        builder.HasIndex(x => x.LicensePlate).IsUnique();
        builder.HasIndex(x => x.DCID);
        builder
            .HasOne<DistributionCenter>()
            .WithMany()
            .HasForeignKey(x => x.DCID)
            .IsRequired(false)
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToContractTable(Tables.Customers);
        builder.HasKey(x => x.ID);
        builder.Property(x => x.ID).ValueGeneratedNever();
        builder.HasIndex(x => x.LoyaltyCard).IsUnique();
        // BLEId and AdId are unique keys that BLE pings and marketing impressions reference (alternate keys).
        builder.HasAlternateKey(x => x.BLEId);
        builder.HasAlternateKey(x => x.AdId);
        builder.HasOne<Geography>().WithMany().HasForeignKey(x => x.GeographyID).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Store>().WithMany().HasForeignKey(x => x.HomeStoreID).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToContractTable(Tables.Products);
        builder.HasKey(x => x.ID);
        builder.Property(x => x.ID).ValueGeneratedNever();
        builder.HasIndex(x => new { x.ProductName, x.Brand }).IsUnique();
        builder.HasIndex(x => new
        {
            x.Department,
            x.Category,
            x.Subcategory,
        });
    }
}
