#include "aboutdialog.h"

#include "appinfo.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_libraries(new QTextBrowser(this))
{
    setWindowTitle(tr("About Product Integration Hub"));
    auto *layout = new QVBoxLayout(this);

    auto *header = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(AppInfo::icon().pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);
    header->addWidget(icon);
    auto *text = new QLabel(this);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    text->setOpenExternalLinks(true);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    const QString homepage = AppInfo::homepage().toString();
    text->setText(tr("<h2>Product Integration Hub %1</h2>"
                     "<p>A local-first hub for product managers: adoption, feedback, delivery and "
                     "launches from the tools your team already uses.</p>"
                     "<p>Built with Qt %2, running on Qt %3.</p>"
                     "<p><a href=\"%4\">%4</a></p>"
                     "<p>Copyright the Product Integration Hub authors.</p>")
                      .arg(QApplication::applicationVersion(), QStringLiteral(QT_VERSION_STR),
                           QString::fromLatin1(qVersion()), homepage.toHtmlEscaped()));
    header->addWidget(text, 1);
    layout->addLayout(header);

    auto *librariesLabel = new QLabel(tr("Libraries used and their licences:"), this);
    layout->addWidget(librariesLabel);
    m_libraries->setOpenExternalLinks(true);
    m_libraries->setAccessibleName(tr("Libraries used and their licences"));
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\">");
    const auto list = libraries();
    for (const Library &library : list) {
        html += QStringLiteral("<tr><td><a href=\"%1\">%2</a></td><td>%3</td><td>%4</td></tr>")
                    .arg(library.url.toHtmlEscaped(), library.name.toHtmlEscaped(),
                         library.use.toHtmlEscaped(), library.licence.toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    m_libraries->setHtml(html);
    m_libraries->setMinimumHeight(200);
    layout->addWidget(m_libraries, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(620, 520);
}

QList<AboutDialog::Library> AboutDialog::libraries()
{
    return {
        {tr("Qt %1").arg(QString::fromLatin1(qVersion())),
         tr("Core, GUI, Widgets, Network, SQL, Concurrent, Print Support"),
         QStringLiteral("LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only"),
         QStringLiteral("https://www.qt.io/licensing/")},
        {tr("Qt Charts"), tr("adoption and report charts"), QStringLiteral("GPL-3.0-only"),
         QStringLiteral("https://doc.qt.io/qt-6/qtcharts-index.html")},
        {tr("Qt Network Authorization"), tr("OAuth 2.0 sign-in"), QStringLiteral("GPL-3.0-only"),
         QStringLiteral("https://doc.qt.io/qt-6/qtnetworkauth-index.html")},
        {tr("QtKeychain"), tr("credentials in the system keychain"),
         QStringLiteral("BSD-2-Clause AND BSD-3-Clause"),
         QStringLiteral("https://github.com/frankosterfeld/qtkeychain")},
        {tr("SQLite"), tr("workspace database"), tr("public domain"),
         QStringLiteral("https://www.sqlite.org/copyright.html")},
        {tr("Zstandard"), tr("compression of raw records"),
         QStringLiteral("BSD-3-Clause OR GPL-2.0-only"),
         QStringLiteral("https://facebook.github.io/zstd/")},
        {tr("simdjson"), tr("parsing of service responses"), QStringLiteral("Apache-2.0"),
         QStringLiteral("https://simdjson.org/")},
        {tr("zlib"), tr("reading export archives"), QStringLiteral("Zlib"),
         QStringLiteral("https://zlib.net/zlib_license.html")},
    };
}
