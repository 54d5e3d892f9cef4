#include "modelsource.h"

#include "personaldata.h"

#include <QAbstractItemModel>

namespace {

ExportColumn::Kind kindOfValues(const QVariantList &values)
{
    bool any = false;
    bool integers = true;
    bool numbers = true;
    bool dates = true;
    for (const QVariant &value : values) {
        if (!value.isValid() || value.isNull())
            continue;
        any = true;
        const int type = value.typeId();
        const bool integer = type == QMetaType::Int || type == QMetaType::LongLong ||
                             type == QMetaType::UInt || type == QMetaType::ULongLong;
        const bool real = type == QMetaType::Double || type == QMetaType::Float;
        integers = integers && integer;
        numbers = numbers && (integer || real);
        dates = dates && type == QMetaType::QDate;
    }
    if (!any)
        return ExportColumn::Kind::Text;
    if (integers)
        return ExportColumn::Kind::Integer;
    if (numbers)
        return ExportColumn::Kind::Number;
    return dates ? ExportColumn::Kind::Date : ExportColumn::Kind::Text;
}

} // namespace

ModelSource::ModelSource(const QAbstractItemModel *model)
    : ModelSource(model, Options())
{
}

ModelSource::ModelSource(const QAbstractItemModel *model, const Options &options)
{
    QList<int> sections = options.columns;
    if (sections.isEmpty()) {
        for (int c = 0; c < model->columnCount(); ++c)
            sections.append(c);
    }
    const int rows = model->rowCount();
    QList<QVariantList> values(sections.size());
    for (qsizetype i = 0; i < sections.size(); ++i) {
        values[i].reserve(rows);
        for (int r = 0; r < rows; ++r) {
            const QModelIndex index = model->index(r, sections.at(i));
            QVariant value = options.valueRole >= 0 ? index.data(options.valueRole) : QVariant();
            if (!value.isValid())
                value = index.data(Qt::DisplayRole);
            values[i].append(value);
        }
    }
    QStringList names;
    for (qsizetype i = 0; i < sections.size(); ++i) {
        const QString title = model->headerData(sections.at(i), Qt::Horizontal).toString();
        QString key =
            options.keyRole >= 0
                ? model->headerData(sections.at(i), Qt::Horizontal, options.keyRole).toString()
                : QString();
        if (key.isEmpty())
            key = title;
        names.append(key);
        m_columns.append({key, title, kindOfValues(values.at(i)), false});
    }
    const QList<bool> personal = PersonalData::personalColumns(names);
    for (qsizetype i = 0; i < m_columns.size(); ++i)
        m_columns[i].personal = personal.at(i) || PersonalData::isPersonalKey(m_columns[i].title);
    m_rows.reserve(rows);
    for (int r = 0; r < rows; ++r) {
        QStringList cells;
        for (qsizetype i = 0; i < sections.size(); ++i)
            cells.append(ExportValue::text(values.at(i).at(r), m_columns.at(i).kind));
        m_rows.append(cells);
    }
}

bool ModelSource::open(QString *)
{
    m_next = 0;
    return true;
}

bool ModelSource::next(QStringList *cells)
{
    if (m_next >= m_rows.size())
        return false;
    *cells = m_rows.at(m_next++);
    return true;
}
