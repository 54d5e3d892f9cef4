#include "guiapplication.h"

#include "activity/activitypage.h"
#include "appinfo.h"
#include "log/messagelog.h"
#include "mainwindow.h"
#include "theme.h"
#include "webhooks/webhookpipeline.h"
#include "webhooks/webhookprocessors.h"
#include "workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTextStream>

int runGuiApplication(int &argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(
        QApplication::translate("main", "Product Integration Hub"));
    QApplication::setWindowIcon(AppInfo::icon());
    QGuiApplication::setDesktopFileName(AppInfo::id());
    MessageLog::install(AppInfo::logFolder());

    // Qt's own options (-platform, -style ...) were taken by QApplication; what is left is ours.
    QCommandLineParser parser;
    const QCommandLineOption workspaceOption(
        {QStringLiteral("w"), QStringLiteral("workspace")},
        QApplication::translate("main", "The workspace folder."), QStringLiteral("DIR"));
    parser.addOption(workspaceOption);
    if (!parser.parse(QApplication::arguments())) {
        QTextStream(stderr) << QApplication::translate("main", "error: %1").arg(parser.errorText())
                            << '\n'
                            << QApplication::translate("main",
                                                       "Run 'product-hub --help' for usage.")
                            << Qt::endl;
        return 2;
    }

    Theme::apply(app);
    MainWindow window;
    // The journal's Replay runs the connectors' processor, which the UI does not link.
    if (auto *activity = window.findChild<ActivityPage *>()) {
        activity->setReplayJob([](QSqlDatabase &db, qint64 deliveryId, QString *error) {
            const std::unique_ptr<WebhookProcessor> processor = WebhookProcessors::create();
            WebhookProcessor::Outcome outcome;
            return WebhookPipeline::processOne(db, *processor, deliveryId, &outcome, error);
        });
    }
    const QString explicitFolder = parser.value(workspaceOption);
    if (!explicitFolder.isEmpty() || !qEnvironmentVariableIsEmpty(Workspace::EnvironmentVariable))
        window.openWorkspace(Workspace::resolve(explicitFolder).folder());
    else
        window.restoreLastWorkspace();
    window.show();
    return app.exec();
}
