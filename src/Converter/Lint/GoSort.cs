using System.Numerics;

namespace CSharpFrontend.Converter.Lint;

/// <summary>
/// Go's <c>sort.Slice</c> (pattern-defeating quicksort, Go 1.19 and later, the Go BuildKit v0.24.0 is built with): not
/// stable, so where a comparison ties, the order it leaves is part of upstream's output (the lint report's warnings
/// on one line). The same steps, so the same order; insertion sort up to 12 elements, heapsort when unbalanced.
/// </summary>
internal static class GoSort
{
    private const int MaxInsertion = 12;

    public static void Slice<T>(T[] data, Func<T, T, bool> less)
    {
        var sorter = new Sorter<T>(data, less);
        sorter.Pdqsort(0, data.Length, BitOperations.Log2((uint)data.Length) + (data.Length == 0 ? 0 : 1));
    }

    private enum Hint
    {
        Unknown,
        Increasing,
        Decreasing,
    }

    private readonly struct Sorter<T>(T[] data, Func<T, T, bool> less)
    {
        private bool Less(int i, int j) => less(data[i], data[j]);

        private void Swap(int i, int j) => (data[i], data[j]) = (data[j], data[i]);

        public void Pdqsort(int a, int b, int limit)
        {
            var wasBalanced = true;
            var wasPartitioned = true;
            while (true)
            {
                var length = b - a;
                if (length <= MaxInsertion)
                {
                    InsertionSort(a, b);
                    return;
                }

                if (limit == 0)
                {
                    HeapSort(a, b);
                    return;
                }

                if (!wasBalanced)
                {
                    BreakPatterns(a, b);
                    limit--;
                }

                var (pivot, hint) = ChoosePivot(a, b);
                if (hint == Hint.Decreasing)
                {
                    ReverseRange(a, b);
                    pivot = (b - 1) - (pivot - a);
                    hint = Hint.Increasing;
                }

                if (wasBalanced && wasPartitioned && hint == Hint.Increasing && PartialInsertionSort(a, b))
                {
                    return;
                }

                if (a > 0 && !Less(a - 1, pivot))
                {
                    a = PartitionEqual(a, b, pivot);
                    continue;
                }

                var (mid, alreadyPartitioned) = Partition(a, b, pivot);
                wasPartitioned = alreadyPartitioned;
                var (leftLength, rightLength) = (mid - a, b - mid);
                var balanceThreshold = length / 8;
                if (leftLength < rightLength)
                {
                    wasBalanced = leftLength >= balanceThreshold;
                    Pdqsort(a, mid, limit);
                    a = mid + 1;
                }
                else
                {
                    wasBalanced = rightLength >= balanceThreshold;
                    Pdqsort(mid + 1, b, limit);
                    b = mid;
                }
            }
        }

        private void InsertionSort(int a, int b)
        {
            for (var i = a + 1; i < b; i++)
            {
                for (var j = i; j > a && Less(j, j - 1); j--)
                {
                    Swap(j, j - 1);
                }
            }
        }

        private void SiftDown(int lo, int hi, int first)
        {
            var root = lo;
            while (true)
            {
                var child = (2 * root) + 1;
                if (child >= hi)
                {
                    return;
                }

                if (child + 1 < hi && Less(first + child, first + child + 1))
                {
                    child++;
                }

                if (!Less(first + root, first + child))
                {
                    return;
                }

                Swap(first + root, first + child);
                root = child;
            }
        }

        private void HeapSort(int a, int b)
        {
            var (first, lo, hi) = (a, 0, b - a);
            for (var i = (hi - 1) / 2; i >= 0; i--)
            {
                SiftDown(i, hi, first);
            }

            for (var i = hi - 1; i >= 0; i--)
            {
                Swap(first, first + i);
                SiftDown(lo, i, first);
            }
        }

        private (int Pivot, bool AlreadyPartitioned) Partition(int a, int b, int pivot)
        {
            Swap(a, pivot);
            var (i, j) = (a + 1, b - 1);
            while (i <= j && Less(i, a))
            {
                i++;
            }

            while (i <= j && !Less(j, a))
            {
                j--;
            }

            if (i > j)
            {
                Swap(j, a);
                return (j, true);
            }

            Swap(i, j);
            i++;
            j--;
            while (true)
            {
                while (i <= j && Less(i, a))
                {
                    i++;
                }

                while (i <= j && !Less(j, a))
                {
                    j--;
                }

                if (i > j)
                {
                    break;
                }

                Swap(i, j);
                i++;
                j--;
            }

            Swap(j, a);
            return (j, false);
        }

        private int PartitionEqual(int a, int b, int pivot)
        {
            Swap(a, pivot);
            var (i, j) = (a + 1, b - 1);
            while (true)
            {
                while (i <= j && !Less(a, i))
                {
                    i++;
                }

                while (i <= j && Less(a, j))
                {
                    j--;
                }

                if (i > j)
                {
                    break;
                }

                Swap(i, j);
                i++;
                j--;
            }

            return i;
        }

        private bool PartialInsertionSort(int a, int b)
        {
            const int MaxSteps = 5, ShortestShifting = 50;
            var i = a + 1;
            for (var step = 0; step < MaxSteps; step++)
            {
                while (i < b && !Less(i, i - 1))
                {
                    i++;
                }

                if (i == b)
                {
                    return true;
                }

                if (b - a < ShortestShifting)
                {
                    return false;
                }

                Swap(i, i - 1);
                if (i - a >= 2)
                {
                    for (var j = i - 1; j >= 1; j--)
                    {
                        if (!Less(j, j - 1))
                        {
                            break;
                        }

                        Swap(j, j - 1);
                    }
                }

                if (b - i >= 2)
                {
                    for (var j = i + 1; j < b; j++)
                    {
                        if (!Less(j, j - 1))
                        {
                            break;
                        }

                        Swap(j, j - 1);
                    }
                }
            }

            return false;
        }

        private void BreakPatterns(int a, int b)
        {
            var length = b - a;
            if (length < 8)
            {
                return;
            }

            var random = (ulong)length;
            var modulus = 1u << (BitOperations.Log2((uint)length) + 1);
            var idx = a + ((length / 4) * 2) - 1;
            for (var i = 0; i < 3; i++)
            {
                random ^= random << 13;
                random ^= random >> 17;
                random ^= random << 5;
                var other = (int)((uint)random & (modulus - 1));
                if (other >= length)
                {
                    other -= length;
                }

                Swap(idx + i, a + other);
            }
        }

        private (int Pivot, Hint Hint) ChoosePivot(int a, int b)
        {
            const int ShortestNinther = 50, MaxSwaps = 4 * 3;
            var l = b - a;
            var swaps = 0;
            var (i, j, k) = (a + (l / 4 * 1), a + (l / 4 * 2), a + (l / 4 * 3));
            if (l >= 8)
            {
                if (l >= ShortestNinther)
                {
                    i = MedianAdjacent(i, ref swaps);
                    j = MedianAdjacent(j, ref swaps);
                    k = MedianAdjacent(k, ref swaps);
                }

                j = Median(i, j, k, ref swaps);
            }

            return swaps switch
            {
                0 => (j, Hint.Increasing),
                MaxSwaps => (j, Hint.Decreasing),
                _ => (j, Hint.Unknown),
            };
        }

        private (int, int) Order2(int a, int b, ref int swaps)
        {
            if (Less(b, a))
            {
                swaps++;
                return (b, a);
            }

            return (a, b);
        }

        private int Median(int a, int b, int c, ref int swaps)
        {
            (a, b) = Order2(a, b, ref swaps);
            (b, c) = Order2(b, c, ref swaps);
            (_, b) = Order2(a, b, ref swaps);
            return b;
        }

        private int MedianAdjacent(int a, ref int swaps) => Median(a - 1, a, a + 1, ref swaps);

        private void ReverseRange(int a, int b)
        {
            for (var (i, j) = (a, b - 1); i < j; i++, j--)
            {
                Swap(i, j);
            }
        }
    }
}
