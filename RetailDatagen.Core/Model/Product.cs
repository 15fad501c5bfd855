namespace RetailDatagen.Core.Model;

public sealed class Product : IRow
{
    public int ID { get; set; }
    public string ProductName { get; set; } = "";
    public string Brand { get; set; } = "";
    public string Company { get; set; } = "";
    public string Department { get; set; } = "";
    public string Category { get; set; } = "";
    public string Subcategory { get; set; } = "";
    public double Cost { get; set; }
    public double MSRP { get; set; }
    public double SalePrice { get; set; }
    public bool RequiresRefrigeration { get; set; }
    public DateOnly LaunchDate { get; set; }

    public void WriteTo(FieldWriter writer)
    {
        writer.Integer(ID);
        writer.Text(ProductName);
        writer.Text(Brand);
        writer.Text(Company);
        writer.Text(Department);
        writer.Text(Category);
        writer.Text(Subcategory);
        writer.Money(Cost);
        writer.Money(MSRP);
        writer.Money(SalePrice);
        writer.Boolean(RequiresRefrigeration);
        writer.Date(LaunchDate);
    }
}
