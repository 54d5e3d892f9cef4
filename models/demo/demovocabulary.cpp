#include "demovocabulary.h"

namespace DemoVocabulary {
namespace {

QStringList fromLatin1(std::initializer_list<const char *> words)
{
    QStringList list;
    list.reserve(qsizetype(words.size()));
    for (const char *word : words)
        list.append(QString::fromUtf8(word));
    return list;
}

} // namespace

const QList<FeatureIdea> &featureIdeas()
{
    static const QList<FeatureIdea> ideas = {
        {"Smart Search", "Search", "Search across projects with typo tolerance and filters."},
        {"Saved Views", "Search", "Save a filtered view and share it with the team."},
        {"Bulk Edit", "Productivity", "Change status, owner or labels of many records at once."},
        {"Keyboard Shortcuts", "Productivity", "Drive the whole app from the keyboard."},
        {"CSV Import", "Data", "Bring records in from spreadsheets with column mapping."},
        {"Scheduled Exports", "Data", "Send a CSV or PDF export on a schedule."},
        {"Single Sign-On (SAML)", "Security", "Sign in through the company identity provider."},
        {"SCIM Provisioning", "Security", "Create and remove accounts from the identity provider."},
        {"Audit Log", "Security", "See who changed what and when, for compliance reviews."},
        {"Role-Based Permissions", "Security", "Custom roles with fine-grained permissions."},
        {"Custom Dashboards", "Analytics", "Build dashboards from charts and metrics."},
        {"Cohort Analysis", "Analytics", "Compare retention of user cohorts over time."},
        {"Funnel Reports", "Analytics", "Measure conversion across the steps of a journey."},
        {"Anomaly Alerts", "Analytics", "Get notified when a metric moves unexpectedly."},
        {"Mobile App (iOS)", "Mobile", "Review and approve work from an iPhone."},
        {"Mobile App (Android)", "Mobile", "Review and approve work from an Android phone."},
        {"Offline Mode", "Mobile", "Keep working without a connection; sync when back online."},
        {"Slack Integration", "Integrations", "Notifications and actions in Slack channels."},
        {"Microsoft Teams Integration", "Integrations", "Notifications and actions in Teams."},
        {"Salesforce Sync", "Integrations", "Two-way sync of accounts and opportunities."},
        {"Public API v2", "Platform", "A faster, paginated REST API with webhooks."},
        {"Webhooks", "Platform", "Signed event notifications for every change."},
        {"Workflow Automation", "Automation", "Rules that act when records change."},
        {"Approval Flows", "Automation", "Multi-step approvals with reminders."},
        {"AI Summaries", "Intelligence", "Summaries of long threads and documents."},
        {"Duplicate Detection", "Intelligence", "Spot duplicate records as they are created."},
        {"Smart Suggestions", "Intelligence", "Suggested owners, labels and due dates."},
        {"Dark Mode", "Experience", "A dark theme that follows the system setting."},
        {"Onboarding Checklist", "Experience", "A guided checklist for new workspaces."},
        {"In-App Guides", "Experience", "Contextual tips for new features."},
        {"Comments & Mentions", "Collaboration", "Discuss records and mention teammates."},
        {"Real-Time Co-Editing", "Collaboration", "Edit documents together and see cursors."},
        {"Guest Access", "Collaboration", "Invite clients as guests with limited rights."},
        {"Time Tracking", "Productivity", "Track time against tasks and export timesheets."},
        {"Recurring Tasks", "Productivity", "Tasks that repeat on a schedule."},
        {"Calendar View", "Productivity", "See work on a calendar and drag to reschedule."},
        {"Roadmap Timeline", "Planning", "Plan initiatives on a shareable timeline."},
        {"Capacity Planning", "Planning", "Balance team capacity against planned work."},
        {"Usage-Based Billing", "Billing", "Invoices that follow metered usage."},
        {"Multi-Currency Invoices", "Billing", "Invoice customers in their own currency."},
        {"Data Residency (EU)", "Security", "Keep workspace data in EU data centres."},
        {"Custom Fields", "Data", "Add typed fields to any record."},
        {"Version History", "Data", "Restore earlier versions of any record."},
        {"Email Digest", "Experience", "A daily digest of what changed."},
        {"Template Gallery", "Experience", "Start from curated templates."},
    };
    return ideas;
}

const QStringList &firstNames()
{
    static const QStringList names = fromLatin1({
        "Amelia", "Noah",       "Olivia", "Liam",   "Sofia", "Mateo", "Emma",   "Lucas",  "Mia",
        "Elias",  "Hannah",     "Leon",   "Chloé",  "Jonas", "Zoë",   "Arjun",  "Priya",  "Wei",
        "Yuki",   "Kenji",      "Fatima", "Omar",   "Lena",  "Felix", "Nora",   "Hugo",   "Inès",
        "Rafael", "Isabela",    "Tomás",  "Aisha",  "Kwame", "Sven",  "Ingrid", "Mateus", "Chiara",
        "Luca",   "Aleksander", "Maja",   "Dmitri", "Ana",   "Jakub", "Eva",    "Sean",   "Aoife",
        "Grace",  "Ethan",      "Maya",   "Daniel", "Sara",  "Ravi",  "Mei",    "Jin",    "Camille",
        "Julien", "Léa",        "Björn",  "Astrid", "Oscar",
    });
    return names;
}

const QStringList &lastNames()
{
    static const QStringList names = fromLatin1({
        "Smith",  "Garcia",     "Müller",   "Martin",  "Rossi",   "Nowak",    "Silva",   "Kim",
        "Tanaka", "Patel",      "Nguyen",   "Johnson", "Schmidt", "Dubois",   "Bianchi", "Kowalski",
        "Santos", "Park",       "Sato",     "Sharma",  "Tran",    "Brown",    "Fischer", "Bernard",
        "Romano", "Wiśniewski", "Costa",    "Lee",     "Suzuki",  "Gupta",    "Okafor",  "Mensah",
        "Larsen", "Andersson",  "Novák",    "O'Brien", "Murphy",  "Chen",     "Wang",    "Ivanova",
        "Horvat", "Jansen",     "de Vries", "Moreau",  "Lefèvre", "Hoffmann", "Wagner",  "Becker",
        "Schulz", "Ferrari",    "Esposito",
    });
    return names;
}

const QStringList &companyPrefixes()
{
    static const QStringList words = fromLatin1({
        "North",    "Blue",     "Bright",  "Silver", "Iron",    "Cedar",   "Maple",   "Summit",
        "Harbor",   "Granite",  "Nimbus",  "Vertex", "Quantum", "Lumen",   "Atlas",   "Beacon",
        "Crescent", "Delta",    "Ember",   "Falcon", "Glacier", "Horizon", "Juniper", "Kestrel",
        "Lattice",  "Meridian", "Nova",    "Orbit",  "Pioneer", "Quarry",  "Redwood", "Sierra",
        "Tidal",    "Umber",    "Vantage", "Willow", "Zenith",  "Aurora",  "Basalt",  "Cobalt",
    });
    return words;
}

const QStringList &companySuffixes()
{
    static const QStringList words = fromLatin1({
        "Labs",      "Systems",  "Analytics", "Health", "Logistics", "Capital",  "Retail",
        "Energy",    "Software", "Networks",  "Foods",  "Media",     "Robotics", "Bank",
        "Insurance", "Studios",  "Mobility",  "Pharma", "Learning",  "Travel",
    });
    return words;
}

const QStringList &industries()
{
    static const QStringList words = fromLatin1({
        "Software",
        "Financial services",
        "Healthcare",
        "Retail",
        "Manufacturing",
        "Education",
        "Logistics",
        "Media",
        "Energy",
        "Public sector",
    });
    return words;
}

const QStringList &feedbackOpeners()
{
    static const QStringList words = fromLatin1({
        "Our team uses %1 every day.",
        "We rolled out %1 to the whole department last month.",
        "I tried %1 for the first time this week.",
        "Our admins have been asking about %1.",
        "We compared %1 with what we had before.",
        "During the quarterly review we looked at %1 again.",
        "A few of our power users rely on %1.",
        "Our onboarding with %1 went smoothly overall.",
    });
    return words;
}

const QStringList &feedbackAskTitles()
{
    static const QStringList words = fromLatin1({
        "too slow on large workspaces",
        "filter by custom fields",
        "respect our permissions",
        "slow with several users",
        "expose it in the API",
        "remember last settings",
        "support SSO users",
        "missing options on mobile",
        "EU data residency",
        "export drops accents",
        "saves us hours",
        "setup docs are hard to follow",
    });
    return words;
}

const QStringList &feedbackAsks()
{
    static const QStringList words = fromLatin1({
        "It would help a lot if it worked with large workspaces — ours has 40,000 records.",
        "Please let us filter by custom fields; today we export to a spreadsheet instead.",
        "We need it to respect our permission model before we can enable it for everyone.",
        "It is too slow when several people use it at once.",
        "We would pay more for an API that exposes it.",
        "It should remember our last settings instead of resetting every time.",
        "Could it support SSO users who have not logged in yet?",
        "The mobile version is missing the options the desktop has.",
        "Our EU subsidiary cannot use it until the data stays in the EU.",
        "The export drops accents in names (Zoë becomes Zo?), which breaks our reports.",
        "It saves us about two hours a week, thank you!",
        "We love it, but the setup documentation was hard to follow.",
    });
    return words;
}

const QStringList &feedbackDetails()
{
    static const QStringList words = fromLatin1({
        "This came up in three customer calls.",
        "Our renewal discussion mentioned this explicitly.",
        "Support ticket #%1 has the details.",
        "Screenshots are in the shared folder.",
        "We can join a research session if that helps.",
        "The workaround costs our analysts a day each month.",
        "Competitors already offer this, according to our procurement team.",
        "",
    });
    return words;
}

const QStringList &feedbackClosers()
{
    static const QStringList words = fromLatin1({
        "Thanks for listening.",
        "Happy to give more detail.",
        "Looking forward to updates.",
        "Keep up the good work.",
        "",
        "",
    });
    return words;
}

const QStringList &generalFeedbackTitles()
{
    static const QStringList words = fromLatin1({
        "Pricing page is confusing for teams",
        "Login sometimes takes very long",
        "Invoices should show the PO number",
        "Great support experience",
        "Would like a yearly plan with monthly billing",
        "Notifications are too noisy",
        "Please add a status page subscription",
        "Hard to find the settings for integrations",
    });
    return words;
}

const QStringList &channels()
{
    static const QStringList words = fromLatin1({
        "in-app",
        "email",
        "support",
        "sales call",
        "survey",
        "community",
        "customer success",
    });
    return words;
}

const QStringList &workItemVerbs()
{
    static const QStringList words = fromLatin1({
        "Design",
        "Build",
        "Add API for",
        "Write tests for",
        "Instrument analytics for",
        "Document",
        "Polish UI of",
        "Improve performance of",
        "Add settings for",
        "Localise",
    });
    return words;
}

const QStringList &bugSymptoms()
{
    static const QStringList words = fromLatin1({
        "crashes when the list is empty",
        "shows the wrong time zone",
        "ignores the saved filter",
        "is slow with 10k records",
        "loses the selection after refresh",
        "misaligned in dark mode",
    });
    return words;
}

const QStringList &engineers()
{
    static const QStringList words = fromLatin1({
        "Priya Sharma",
        "Jonas Fischer",
        "Mei Chen",
        "Rafael Santos",
        "Aoife Murphy",
        "Kenji Sato",
        "Camille Moreau",
        "Kwame Mensah",
        "Astrid Larsen",
        "Daniel Kim",
        "Maja Nowak",
        "Omar Haddad",
    });
    return words;
}

} // namespace DemoVocabulary
