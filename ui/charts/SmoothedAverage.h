// The smoothed line the charts draw through noisy per-batch values: a debiased exponential moving average.
#pragma once

namespace neurite::ui {

// As TensorBoard's smoothing: each value weighs (1 - kSmoothing), the past kSmoothing, and the sum is
// divided by the total weight so far (1 - kSmoothing^n), so the first points are not pulled towards zero.
class SmoothedAverage {
public:
    static constexpr double kSmoothing = 0.95;

    // Adds `value` and returns the average of everything added so far.
    double add(double value)
    {
        m_sum = kSmoothing * m_sum + (1 - kSmoothing) * value;
        m_weight = kSmoothing * m_weight + (1 - kSmoothing);
        return m_sum / m_weight;
    }

    void reset() { *this = SmoothedAverage(); }

private:
    double m_sum = 0;
    double m_weight = 0;
};

} // namespace neurite::ui
