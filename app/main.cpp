#include "cli/authcommand.h"
#include "cli/commandline.h"
#include "cli/companiescommand.h"
#include "cli/dbcommand.h"
#include "cli/democommand.h"
#include "cli/exportcommand.h"
#include "cli/featurescommand.h"
#include "cli/planscommand.h"
#include "cli/reportcommand.h"
#include "cli/sourcescommand.h"
#include "cli/synccommand.h"
#include "cli/usagecommand.h"
#include "cli/webhookscommand.h"
#include "gui/guiapplication.h"
#include "webhooks/processing/canonicalwebhookprocessor.h"
#include "webhooks/webhookprocessors.h"

#include <QCoreApplication>

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("ProductHub"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("product-hub.example.org"));
    QCoreApplication::setApplicationName(QStringLiteral("product-hub"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HUB_VERSION));
}

int runCommandLine(int &argc, char **argv)
{
    const auto app = makeCommandLineApplication(argc, argv);
    CommandLine commandLine;
    commandLine.add(std::make_unique<DbCommand>());
    commandLine.add(std::make_unique<DemoCommand>());
    commandLine.add(std::make_unique<SourcesCommand>());
    commandLine.add(std::make_unique<AuthCommand>());
    commandLine.add(std::make_unique<SyncCommand>());
    commandLine.add(std::make_unique<ReportCommand>());
    commandLine.add(std::make_unique<FeaturesCommand>());
    commandLine.add(std::make_unique<CurrencyCommand>());
    commandLine.add(std::make_unique<PlansCommand>());
    commandLine.add(std::make_unique<ExportCommand>());
    commandLine.add(std::make_unique<WebhooksCommand>());
    commandLine.add(std::make_unique<UsageCommand>());
    commandLine.add(std::make_unique<CompaniesCommand>());
    return commandLine.run(QCoreApplication::arguments());
}

} // namespace

int main(int argc, char **argv)
{
    describeApplication();
    // Deliveries become canonical rows, hub events and trigger checks, in the window and in
    // `webhooks serve` alike.
    WebhookProcessors::setFactory([] { return std::make_unique<CanonicalWebhookProcessor>(); });
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (CommandLine::wantsCommandLine(arguments))
        return runCommandLine(argc, argv);
    return runGuiApplication(argc, argv);
}
