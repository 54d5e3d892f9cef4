#pragma once

#include <QtGlobal>

#include <cmath>
#include <cstdint>

// A small, fast random generator (xoshiro256**) with the few distributions the demo needs.
// Written out here rather than taken from <random>, whose distributions differ between
// standard libraries: the same seed must give the same workspace everywhere.
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed)
    {
        // splitmix64 spreads one seed over the four words of state
        for (auto &word : m_state) {
            seed += 0x9e3779b97f4a7c15ULL;
            quint64 z = seed;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            word = z ^ (z >> 31);
        }
    }

    quint64 next()
    {
        const quint64 result = rotl(m_state[1] * 5, 7) * 9;
        const quint64 t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    // Uniform in [0, 1).
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    double uniform(double low, double high) { return low + (high - low) * uniform(); }
    // Uniform integer in [low, high].
    qint64 between(qint64 low, qint64 high)
    {
        return low + qint64(next() % quint64(high - low + 1));
    }
    bool chance(double probability) { return uniform() < probability; }
    // Exponential with the given mean.
    double exponential(double mean) { return -mean * std::log(1.0 - uniform()); }
    // Normal through Box-Muller; one value per call keeps the sequence simple.
    double normal(double mean, double deviation)
    {
        const double u1 = 1.0 - uniform();
        const double u2 = uniform();
        return mean + deviation * std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    double logNormal(double median, double sigma) { return median * std::exp(normal(0.0, sigma)); }
    // Index into a list of the given size.
    template<typename List> const auto &pick(const List &list)
    {
        return list.at(qsizetype(next() % quint64(list.size())));
    }

private:
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }
    quint64 m_state[4];
};
