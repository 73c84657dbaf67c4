namespace IcssiCms.Core.Schema;

/// <summary>
/// The aliases of the hub's document types and their properties, as <c>uSync/v17/ContentTypes</c> defines them.
/// They are a contract: the Delivery API's front ends, the query handlers and the publishing rules rely on them.
/// </summary>
public static class HubContentTypes
{
    public static class SeoControls
    {
        public const string Alias = "seoControls";
        public const string MetaTitle = "metaTitle";
        public const string MetaDescription = "metaDescription";
    }

    public static class PageHeader
    {
        public const string Alias = "pageHeader";
        public const string Title = "title";
        public const string Summary = "summary";
    }

    public static class HubHome
    {
        public const string Alias = "hubHome";
        public const string Introduction = "introduction";
    }

    public static class CampaignList
    {
        public const string Alias = "campaignList";
        public const string SignUpForm = "signUpForm";
    }

    public static class Campaign
    {
        public const string Alias = "campaign";
        public const string Body = "body";
        public const string Status = "status";
        public const string Hashtag = "hashtag";
        public const string DisplayOrder = "displayOrder";
    }

    public static class CampaignNews
    {
        public const string Alias = "campaignNews";
        public const string Headline = "headline";
        public const string Summary = "summary";
        public const string PublishDate = "publishDate";
        public const string Body = "body";
        public const string Campaigns = "campaigns";
        public const string Tags = "tags";
    }

    public static class ConferenceList
    {
        public const string Alias = "conferenceList";
    }

    public static class Conference
    {
        public const string Alias = "conference";
        public const string StartDate = "startDate";
        public const string EndDate = "endDate";
        public const string TimeZone = "timeZone";
        public const string Venue = "venue";
        public const string City = "city";
        public const string Country = "country";
        public const string Organisers = "organisers";
        public const string Description = "description";
        public const string RegistrationOpen = "registrationOpen";
        public const string Capacity = "capacity";
    }

    public static class ConferenceSession
    {
        public const string Alias = "conferenceSession";
        public const string StartDate = "startDate";
        public const string EndDate = "endDate";
        public const string ScheduleNote = "scheduleNote";
        public const string Location = "location";
        public const string Description = "description";
        public const string Speakers = "speakers";
        public const string Capacity = "capacity";
    }

    public static class PartnerList
    {
        public const string Alias = "partnerList";
    }

    public static class Partner
    {
        public const string Alias = "partner";
        public const string Role = "role";
        public const string Website = "website";
        public const string Description = "description";
    }

    public static class RegistrationPage
    {
        public const string Alias = "registrationPage";
        public const string Intro = "intro";
        public const string VisaNotice = "visaNotice";
        public const string Form = "form";
    }

    /// <summary>Every document type alias of the hub.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        SeoControls.Alias, PageHeader.Alias, HubHome.Alias, CampaignList.Alias, Campaign.Alias, CampaignNews.Alias,
        ConferenceList.Alias, Conference.Alias, ConferenceSession.Alias, PartnerList.Alias, Partner.Alias, RegistrationPage.Alias,
    ];
}
