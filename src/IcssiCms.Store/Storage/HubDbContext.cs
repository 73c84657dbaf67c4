using Microsoft.EntityFrameworkCore;

namespace IcssiCms.Store.Storage;

/// <summary>The embedded host's store: the hub's schema, content and forms, the state of the uSync import, and the forms' records and registrations, and the back office's users, audit trail and content schedule.</summary>
public sealed class HubDbContext(DbContextOptions<HubDbContext> options) : DbContext(options)
{
    public DbSet<StoredLanguage> Languages => Set<StoredLanguage>();

    public DbSet<StoredDataType> DataTypes => Set<StoredDataType>();

    public DbSet<StoredContentType> ContentTypes => Set<StoredContentType>();

    public DbSet<ContentNode> ContentNodes => Set<ContentNode>();

    public DbSet<ContentCulture> ContentCultures => Set<ContentCulture>();

    public DbSet<PropertyValue> PropertyValues => Set<PropertyValue>();

    public DbSet<SyncFile> SyncFiles => Set<SyncFile>();

    public DbSet<KeyValue> KeyValues => Set<KeyValue>();

    public DbSet<StoredForm> Forms => Set<StoredForm>();

    public DbSet<StoredDictionaryItem> DictionaryItems => Set<StoredDictionaryItem>();

    public DbSet<FormRecord> FormRecords => Set<FormRecord>();

    public DbSet<ConsentText> ConsentTexts => Set<ConsentText>();

    public DbSet<Registration> Registrations => Set<Registration>();

    public DbSet<OutboxMail> Outbox => Set<OutboxMail>();

    public DbSet<BackOfficeUser> BackOfficeUsers => Set<BackOfficeUser>();

    public DbSet<BackOfficeAuditEntry> BackOfficeAudit => Set<BackOfficeAuditEntry>();

    public DbSet<ContentSchedule> ContentSchedules => Set<ContentSchedule>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Keys as lower-case "D" text, the form uSync writes, so that raw bulk commands and EF agree.
        configurationBuilder.Properties<Guid>().HaveConversion<string>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<StoredLanguage>(e =>
        {
            e.ToTable("Language");
            e.HasKey(l => l.IsoCode);
            e.Property(l => l.IsoCode).UseCollation("NOCASE");
        });

        model.Entity<StoredDataType>(e =>
        {
            e.ToTable("DataType");
            e.HasKey(d => d.Key);
            e.HasIndex(d => d.Name).IsUnique();
            e.Property(d => d.Name).UseCollation("NOCASE");
        });

        model.Entity<StoredContentType>(e =>
        {
            e.ToTable("ContentType");
            e.HasKey(c => c.Key);
            e.HasIndex(c => c.Alias).IsUnique();
            e.Property(c => c.Alias).UseCollation("NOCASE");
            e.OwnsMany(c => c.Compositions, o => o.ToJson());
            e.OwnsMany(c => c.AllowedChildren, o => o.ToJson());
            e.OwnsMany(c => c.Properties, o => o.ToJson());
            e.OwnsMany(c => c.Tabs, o => o.ToJson());
        });

        model.Entity<ContentNode>(e =>
        {
            e.ToTable("ContentNode");
            e.HasKey(n => n.Key);
            e.HasIndex(n => new { n.ParentKey, n.SortOrder });
            e.HasIndex(n => n.ContentTypeAlias);
            e.HasIndex(n => n.Path);
            e.HasMany(n => n.Cultures).WithOne().HasForeignKey(c => c.NodeKey).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(n => n.Values).WithOne().HasForeignKey(v => v.NodeKey).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<ContentCulture>(e =>
        {
            e.ToTable("ContentCulture");
            e.HasKey(c => new { c.NodeKey, c.Culture });
            e.HasIndex(c => new { c.Culture, c.Route });
        });

        model.Entity<PropertyValue>(e =>
        {
            e.ToTable("PropertyValue");
            e.HasKey(v => new { v.NodeKey, v.Alias, v.Culture, v.Segment });
        });

        model.Entity<SyncFile>(e =>
        {
            e.ToTable("SyncFile");
            e.HasKey(f => f.Path);
        });

        model.Entity<KeyValue>(e =>
        {
            e.ToTable("KeyValue");
            e.HasKey(k => k.Key);
        });

        model.Entity<StoredForm>(e =>
        {
            e.ToTable("Form");
            e.HasKey(f => f.Key);
            e.HasIndex(f => f.Alias).IsUnique();
            e.Property(f => f.Alias).UseCollation("NOCASE");
        });

        model.Entity<StoredDictionaryItem>(e =>
        {
            e.ToTable("DictionaryItem");
            e.HasKey(d => d.Key);
            e.HasIndex(d => d.ItemKey).IsUnique();
            e.Property(d => d.ItemKey).UseCollation("NOCASE");
        });

        model.Entity<FormRecord>(e =>
        {
            e.ToTable("FormRecord");
            e.HasKey(r => r.Id);
            e.HasIndex(r => r.Email);
            e.HasIndex(r => r.CreatedAt);
            e.HasIndex(r => new { r.FormKey, r.CreatedAt });
        });

        model.Entity<ConsentText>(e =>
        {
            e.ToTable("ConsentText");
            e.HasKey(c => c.Version);
        });

        model.Entity<Registration>(e =>
        {
            e.ToTable("Registration");
            e.HasKey(r => r.Id);
            e.Property(r => r.Status).HasConversion<string>();
            // One registration per person and event: a repeat sign-up finds this row instead of adding one.
            e.HasIndex(r => new { r.EventKey, r.Email }).IsUnique();
            e.HasIndex(r => new { r.EventKey, r.Status, r.Position });
            e.HasIndex(r => r.Email);
            e.HasIndex(r => r.RecordId);
        });

        model.Entity<OutboxMail>(e =>
        {
            e.ToTable("OutboxMail");
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).ValueGeneratedOnAdd();
            e.Property(m => m.Kind).HasConversion<string>();
            e.HasIndex(m => m.RegistrationId);
        });

        model.Entity<BackOfficeUser>(e =>
        {
            e.ToTable("BackOfficeUser");
            e.HasKey(u => u.Key);
            e.HasIndex(u => u.Email).IsUnique();
            e.Property(u => u.Email).UseCollation("NOCASE");
        });

        model.Entity<BackOfficeAuditEntry>(e =>
        {
            e.ToTable("BackOfficeAudit");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedOnAdd();
            e.HasIndex(a => new { a.NodeKey, a.At });
            e.HasIndex(a => a.UserKey);
        });

        model.Entity<ContentSchedule>(e =>
        {
            e.ToTable("ContentSchedule");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).ValueGeneratedOnAdd();
            // One publish and one unpublish per item and culture.
            e.HasIndex(s => new { s.NodeKey, s.Culture, s.Action }).IsUnique();
            e.HasIndex(s => s.At);
        });
    }
}
