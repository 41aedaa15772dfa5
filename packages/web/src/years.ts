/** Budget years to choose from: this year back to 2020, newest first (reports on year N are written in N+1). */
export function recentYears(from = new Date().getFullYear()): number[] {
  return Array.from({ length: from - 2019 }, (_, i) => from - i);
}
