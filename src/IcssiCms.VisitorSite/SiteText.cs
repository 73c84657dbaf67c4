namespace IcssiCms.VisitorSite;

/// <summary>The site's own words (navigation, labels, messages), in <c>Resources/SiteText.*.resx</c>: English, Arabic, Sorani Kurdish.</summary>
public sealed class SiteText;
