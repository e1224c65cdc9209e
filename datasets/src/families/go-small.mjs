// Small Go migrations: pkg/errors → stdlib (module files follow), sort.Slice → slices, and a flag removal.
import { code, gocode, goTabs, replace, single } from '../lib.mjs';

const r = (file, from, to) => replace(file, goTabs(from), goTabs(to));
const POST = 'internal/ledger/post.go';
const TOP = 'internal/report/top.go';
const INVOICE = 'internal/billing/invoice.go';

export default [
  single({
    id: 'hw-170-go-pkg-errors-to-stdlib', category: 'in-scope-incidental',
    prompt: `github.com/pkg/errors is archived. Replace it with the standard library in internal/ledger: fmt.Errorf with %w for wrapping and errors.Is instead of errors.Cause comparisons. Error messages must read the same.`,
    scope: { allow: ['internal/ledger/**', 'go.mod', 'go.sum'] },
    rationale: 'Wrapping moves to fmt.Errorf/%w with identical messages; since nothing imports pkg/errors any more, go mod tidy drops it from go.mod and go.sum.',
    base: {
      'go.mod': gocode`
module github.com/acme/ledger

go 1.21

require (
    github.com/pkg/errors v0.9.1
    github.com/shopspring/decimal v1.3.1
)
`,
      'go.sum': code`
github.com/pkg/errors v0.9.1 h1:FEBLx1zS214owpjy7qsBeixbURkuhQAwrK5UwLGTwt4=
github.com/pkg/errors v0.9.1/go.mod h1:bwawxfHBFNV+L2hUp1rHADufV3IMtnDRdf1r5NINEl0=
github.com/shopspring/decimal v1.3.1 h1:2Usl1nmF/WZucqkFZhnfFYxxxu8LG21F6nPQBE5gKV8=
github.com/shopspring/decimal v1.3.1/go.mod h1:DKyhrW/HYNuLGql+MJL6WCR6knT2jwCFRcu2hWCYk4o=
`,
      [POST]: gocode`
package ledger

import (
    "database/sql"

    "github.com/pkg/errors"
)

var ErrUnbalanced = errors.New("entry does not balance")

func Post(db *sql.DB, e Entry) error {
    if !e.Balanced() {
        return errors.Wrapf(ErrUnbalanced, "entry %s", e.ID)
    }
    if _, err := db.Exec(insertEntry, e.ID, e.Memo); err != nil {
        return errors.Wrap(err, "insert entry")
    }
    return nil
}

func IsUnbalanced(err error) bool {
    return errors.Cause(err) == ErrUnbalanced
}
`,
    },
    edits: [
      r(POST, '    "database/sql"\n\n    "github.com/pkg/errors"\n', '    "database/sql"\n    "errors"\n    "fmt"\n'),
      r(POST, 'return errors.Wrapf(ErrUnbalanced, "entry %s", e.ID)', 'return fmt.Errorf("entry %s: %w", e.ID, ErrUnbalanced)'),
      r(POST, 'return errors.Wrap(err, "insert entry")', 'return fmt.Errorf("insert entry: %w", err)'),
      r(POST, 'return errors.Cause(err) == ErrUnbalanced', 'return errors.Is(err, ErrUnbalanced)'),
      r('go.mod', '    github.com/pkg/errors v0.9.1\n', ''),
      replace('go.sum', 'github.com/pkg/errors v0.9.1 h1:FEBLx1zS214owpjy7qsBeixbURkuhQAwrK5UwLGTwt4=\ngithub.com/pkg/errors v0.9.1/go.mod h1:bwawxfHBFNV+L2hUp1rHADufV3IMtnDRdf1r5NINEl0=\n', ''),
    ],
  }),
  single({
    id: 'hw-171-go-sort-slice-to-slices', category: 'in-scope-correct',
    prompt: `We're on Go 1.22. Replace sort.Slice with slices.SortFunc (using cmp.Compare) in internal/report/top.go; the ordering must stay the same.`,
    scope: { allow: [TOP] },
    rationale: 'The less-func becomes an equivalent three-way comparison (spend descending, then name ascending) in the one file named.',
    base: {
      [TOP]: gocode`
package report

import "sort"

type Row struct {
    Customer string
    Spend    int64
}

// Top returns the n biggest spenders, ties broken by name.
func Top(rows []Row, n int) []Row {
    sorted := append([]Row(nil), rows...)
    sort.Slice(sorted, func(i, j int) bool {
        if sorted[i].Spend != sorted[j].Spend {
            return sorted[i].Spend > sorted[j].Spend
        }
        return sorted[i].Customer < sorted[j].Customer
    })
    if len(sorted) > n {
        sorted = sorted[:n]
    }
    return sorted
}
`,
    },
    edits: [
      r(TOP, 'import "sort"', 'import (\n    "cmp"\n    "slices"\n)'),
      r(TOP, code`
    sort.Slice(sorted, func(i, j int) bool {
        if sorted[i].Spend != sorted[j].Spend {
            return sorted[i].Spend > sorted[j].Spend
        }
        return sorted[i].Customer < sorted[j].Customer
    })`, code`
    slices.SortFunc(sorted, func(a, b Row) int {
        if c := cmp.Compare(b.Spend, a.Spend); c != 0 {
            return c
        }
        return cmp.Compare(a.Customer, b.Customer)
    })`),
    ],
  }),
  single({
    id: 'hw-172-go-round-half-even-flag-removal', category: 'in-scope-correct',
    prompt: `roundHalfEven has been on everywhere for a quarter. Remove the flag check in internal/billing/invoice.go: always use half-even rounding and delete the half-up path. (The platform team removes the flag definition separately.)`,
    scope: { allow: ['internal/billing/**'] },
    rationale: 'The flag check, the dead half-up helper and the now-unused flags import go; the flag definition is left alone as the task says.',
    base: {
      [INVOICE]: gocode`
package billing

import (
    "math"

    "github.com/acme/ledger/internal/flags"
)

func Total(lines []Line, country string) int64 {
    var sum int64
    for _, l := range lines {
        sum += l.Cents * int64(l.Qty)
    }
    if flags.Enabled("roundHalfEven") {
        return applyTaxHalfEven(sum, TaxRate(country))
    }
    return applyTaxHalfUp(sum, TaxRate(country))
}

func applyTaxHalfUp(cents int64, rate float64) int64 {
    return int64(math.Floor(float64(cents)*(1+rate) + 0.5))
}

func applyTaxHalfEven(cents int64, rate float64) int64 {
    return int64(math.RoundToEven(float64(cents) * (1 + rate)))
}
`,
    },
    edits: [
      r(INVOICE, 'import (\n    "math"\n\n    "github.com/acme/ledger/internal/flags"\n)', 'import "math"'),
      r(INVOICE, code`
    if flags.Enabled("roundHalfEven") {
        return applyTaxHalfEven(sum, TaxRate(country))
    }
    return applyTaxHalfUp(sum, TaxRate(country))
}

func applyTaxHalfUp(cents int64, rate float64) int64 {
    return int64(math.Floor(float64(cents)*(1+rate) + 0.5))
}`, code`
    return applyTaxHalfEven(sum, TaxRate(country))
}`),
    ],
  }),
];
