package jxc

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// ExportFormat is the file format of a bulk export.
type ExportFormat string

const (
	ExportJSONL ExportFormat = "JSONL"
	ExportCSV   ExportFormat = "CSV"
	ExportXLSX  ExportFormat = "XLSX"
)

// Extension is the file name extension of the format.
func (f ExportFormat) Extension() string { return strings.ToLower(string(f)) }

// ContentType is the MIME type the file is served as.
func (f ExportFormat) ContentType() string {
	switch f {
	case ExportCSV:
		return "text/csv; charset=utf-8"
	case ExportXLSX:
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	return "application/x-ndjson; charset=utf-8"
}

// ExportStatus is where a bulk export stands.
type ExportStatus string

const (
	ExportQueued    ExportStatus = "QUEUED"
	ExportRunning   ExportStatus = "RUNNING"
	ExportCompleted ExportStatus = "COMPLETED"
	ExportFailed    ExportStatus = "FAILED"
	ExportCancelled ExportStatus = "CANCELLED"
)

// Ended reports whether the job will not change any more.
func (s ExportStatus) Ended() bool {
	return s == ExportCompleted || s == ExportFailed || s == ExportCancelled
}

// ExportRetention is how long an export's file is kept after the job ends.
const ExportRetention = 7 * 24 * time.Hour

// ExportJob is a bulk export: a query paged through in the background as its
// owner, and the file it writes.
type ExportJob struct {
	ID           int64          `db:"id"`
	OwnerID      int64          `db:"owner_id"`
	Query        string         `db:"query"`
	RawVariables []byte         `db:"variables"`
	Variables    map[string]any `db:"-"`
	Format       ExportFormat   `db:"format"`
	Connection   string         `db:"connection"`
	Lang         string         `db:"lang"`
	FileName     string         `db:"file_name"`
	Status       ExportStatus   `db:"status"`
	RowsWritten  int            `db:"rows_written"`
	TotalCount   *int           `db:"total_count"`
	ByteSize     int            `db:"byte_size"`
	ErrorMessage *string        `db:"error_message"`
	Attempts     int            `db:"attempts"`
	CreatedAt    time.Time      `db:"created_at"`
	StartedAt    *time.Time     `db:"started_at"`
	FinishedAt   *time.Time     `db:"finished_at"`
	ExpiresAt    *time.Time     `db:"expires_at"`
	Purged       bool           `db:"purged"`
}

// DownloadURL is where the owner downloads the file, once written and
// until it expires.
func (j *ExportJob) DownloadURL() *string {
	if j.Status != ExportCompleted || j.Purged || (j.ExpiresAt != nil && !time.Now().Before(*j.ExpiresAt)) {
		return nil
	}
	u := "/exports/" + strconv.FormatInt(j.ID, 10) + "/download"
	return &u
}

// ExportRequest is a checked bulk export request.
type ExportRequest struct {
	Query      string
	Variables  map[string]any
	Format     ExportFormat
	Connection string // the response keys leading to the connection, dotted
	Lang       string
	FileName   string
}

// ExportJobOrderField is what export jobs can be sorted by.
type ExportJobOrderField string

// ExportJobOrder sorts export jobs (newest first when left out), then by id.
type ExportJobOrder struct {
	Field     ExportJobOrderField
	Direction SortDirection
}

// SortBy implements Sorter; a nil order gives none.
func (o *ExportJobOrder) SortBy() (string, SortDirection, bool) {
	if o == nil {
		return "", "", false
	}
	return string(o.Field), o.Direction, true
}

// ExportProgress is what a runner reports after a page: the nodes written
// so far, the connection's total when known, and the bytes of the file
// written since the last report.
type ExportProgress struct {
	Rows  int
	Total *int
	Chunk []byte
}

// ExportService keeps bulk export jobs and their files. Everything lives in
// the database: any replica runs any job and serves any file.
type ExportService interface {
	CreateExport(ctx context.Context, ownerID int64, r ExportRequest) (*ExportJob, error)
	FindExportJob(ctx context.Context, ownerID, id int64) (*ExportJob, error)
	FindExportJobs(ctx context.Context, ownerID int64, o *ExportJobOrder, p PageArgs) (*Page[*ExportJob], error)
	CancelExport(ctx context.Context, ownerID, id int64) (*ExportJob, error)
	// ExportJobChanges sends the job now and after each change, and ends
	// once it has sent the job ended.
	ExportJobChanges(ctx context.Context, ownerID, id int64) (<-chan ExportJob, error)

	// ClaimExport takes the oldest queued job, or a running one whose
	// runner stopped heartbeating for stale, for worker; nil when none.
	ClaimExport(ctx context.Context, worker string, stale time.Duration) (*ExportJob, error)
	// ReportExport appends the chunk, records the progress and heartbeats;
	// it returns the job's status (CANCELLED: stop) and fails with
	// ECONFLICT when another worker has claimed the job since.
	ReportExport(ctx context.Context, id int64, worker string, p ExportProgress) (ExportStatus, error)
	// FinishExport ends a job claimed by worker as completed or failed.
	FinishExport(ctx context.Context, id int64, worker string, status ExportStatus, message string) error
	// ExportWakeups signals when a job may be waiting to be claimed.
	ExportWakeups(ctx context.Context) (<-chan struct{}, error)
	// PurgeExpiredExports deletes the files of at most limit expired jobs.
	PurgeExpiredExports(ctx context.Context, limit int) (int, error)
	// ExportFile calls start with the owner's job, then write with each
	// chunk of its file in order: ENOTFOUND when it is no job of theirs or
	// not written, ErrExportExpired when it expired (its chunks are
	// deleted then).
	ExportFile(ctx context.Context, ownerID, id int64, start func(*ExportJob) error, write func([]byte) error) error
}

// ErrExportExpired is the error for the file of an export that expired.
var ErrExportExpired = errors.New("the export expired")

// ExportFileName is the name an export downloads under: the connection's
// field and the day it was asked for, such as journalLines-2026-12-04.csv.
func ExportFileName(connection string, f ExportFormat, day Date) string {
	name := connection
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	name = fileNameUnsafe.ReplaceAllString(name, "_")
	if name == "" {
		name = "export"
	}
	return name + "-" + day.String() + "." + f.Extension()
}

var fileNameUnsafe = regexp.MustCompile(`[^A-Za-z0-9_-]`)

// ExportColumn is one column of a CSV or XLSX export: a leaf field of the
// nodes, by its path of response keys.
type ExportColumn struct {
	Path []string
	// Numeric cells (Int, Float, Decimal) are written as numbers in XLSX.
	Numeric bool
	// Label is the column's name for people when the field has a known
	// one; Header falls back to the path.
	Label Localized
}

// Header is the column's header in a language: its label when known, else
// the path.
func (c ExportColumn) Header(lang string) string {
	if c.Label != nil {
		return c.Label.Localize(lang)
	}
	return strings.Join(c.Path, ".")
}

// exportLabels name the fields people export most, by the last two steps of
// their path (or the last one); other columns are headed by their path.
var exportLabels = map[string]Texts{
	"entry.voucherNo":   {ZH: "凭证号", EN: "Voucher no."},
	"entry.postingDate": {ZH: "记账日期", EN: "Posting date"},
	"entry.description": {ZH: "凭证摘要", EN: "Entry description"},
	"entry.sourceType":  {ZH: "来源", EN: "Source"},
	"account.code":      {ZH: "科目编码", EN: "Account code"},
	"account.name":      {ZH: "科目名称", EN: "Account name"},
	"account.nameEn":    {ZH: "科目英文名", EN: "Account name (English)"},
	"product.sku":       {ZH: "商品编码", EN: "SKU"},
	"product.name":      {ZH: "商品名称", EN: "Product"},
	"warehouse.code":    {ZH: "仓库编码", EN: "Warehouse code"},
	"warehouse.name":    {ZH: "仓库名称", EN: "Warehouse"},
	"source.number":     {ZH: "单据号", EN: "Document no."},
	"source.type":       {ZH: "单据类型", EN: "Document type"},
	"voucherNo":         {ZH: "凭证号", EN: "Voucher no."},
	"postingDate":       {ZH: "记账日期", EN: "Posting date"},
	"lineNo":            {ZH: "行号", EN: "Line"},
	"debit":             {ZH: "借方", EN: "Debit"},
	"credit":            {ZH: "贷方", EN: "Credit"},
	"quantity":          {ZH: "数量", EN: "Quantity"},
	"value":             {ZH: "金额", EN: "Value"},
	"description":       {ZH: "摘要", EN: "Description"},
	"costCentre":        {ZH: "成本中心", EN: "Cost centre"},
	"partner":           {ZH: "往来单位", EN: "Partner"},
	"number":            {ZH: "单据号", EN: "Number"},
}

// ExportLabel returns the known label of a field path, if any.
func ExportLabel(path []string) Localized {
	if n := len(path); n >= 2 {
		if t, ok := exportLabels[path[n-2]+"."+path[n-1]]; ok {
			return t
		}
	}
	if n := len(path); n == 1 {
		if t, ok := exportLabels[path[0]]; ok {
			return t
		}
	}
	return nil
}

// ExportWriter writes the nodes of an export to a file, one at a time.
type ExportWriter interface {
	// Row writes one node, as the response's JSON of it.
	Row(node json.RawMessage) error
	// Close ends the file (XLSX: the sheet and the zip's directory).
	Close() error
}

// NewExportWriter returns the writer of a format over w. CSV and XLSX write
// the columns (their headers in lang); JSONL writes each node whole.
func NewExportWriter(f ExportFormat, w io.Writer, cols []ExportColumn, lang string) (ExportWriter, error) {
	switch f {
	case ExportCSV:
		return newCSVWriter(w, cols, lang)
	case ExportXLSX:
		return newXLSXWriter(w, cols, lang)
	}
	return &jsonlWriter{w: bufio.NewWriterSize(w, 64<<10)}, nil
}

type jsonlWriter struct {
	w   *bufio.Writer
	buf bytes.Buffer
}

func (j *jsonlWriter) Row(node json.RawMessage) error {
	j.buf.Reset()
	if err := json.Compact(&j.buf, node); err != nil {
		return err
	}
	j.buf.WriteByte('\n')
	_, err := j.w.Write(j.buf.Bytes())
	return err
}

func (j *jsonlWriter) Close() error { return j.w.Flush() }

// cells reads the columns' values of one node: text as it is, numbers and
// decimals as written (no float on the way), a list or object as JSON.
func cells(node json.RawMessage, cols []ExportColumn) ([]string, error) {
	d := json.NewDecoder(bytes.NewReader(node))
	d.UseNumber()
	var m map[string]any
	if err := d.Decode(&m); err != nil {
		return nil, err
	}
	out := make([]string, len(cols))
	for i, c := range cols {
		var v any = m
		for _, k := range c.Path {
			mm, ok := v.(map[string]any)
			if !ok {
				v = nil
				break
			}
			v = mm[k]
		}
		switch x := v.(type) {
		case nil:
		case string:
			out[i] = x
		case json.Number:
			out[i] = x.String()
		case bool:
			out[i] = strconv.FormatBool(x)
		default:
			b, err := json.Marshal(x)
			if err != nil {
				return nil, err
			}
			out[i] = string(b)
		}
	}
	return out, nil
}

type csvWriter struct {
	b    *bufio.Writer
	w    *csv.Writer
	cols []ExportColumn
}

func newCSVWriter(w io.Writer, cols []ExportColumn, lang string) (*csvWriter, error) {
	b := bufio.NewWriterSize(w, 64<<10)
	// The byte order mark makes Excel read the file as UTF-8 (Chinese text).
	if _, err := b.WriteString("\ufeff"); err != nil {
		return nil, err
	}
	c := &csvWriter{b: b, w: csv.NewWriter(b), cols: cols}
	head := make([]string, len(cols))
	for i, col := range cols {
		head[i] = col.Header(lang)
	}
	return c, c.w.Write(head)
}

func (c *csvWriter) Row(node json.RawMessage) error {
	vs, err := cells(node, c.cols)
	if err != nil {
		return err
	}
	for i, v := range vs {
		// A cell that starts like a formula is read as text by spreadsheets
		// (CSV injection).
		if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) && !c.cols[i].Numeric {
			vs[i] = "'" + v
		}
	}
	return c.w.Write(vs)
}

func (c *csvWriter) Close() error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return err
	}
	return c.b.Flush()
}

// xlsxWriter streams a one-sheet workbook into a zip: the sheet's rows are
// compressed as they come, so memory stays flat however many rows. Cells
// are inline strings (no shared string table to hold in memory) and exact
// decimals as written.
type xlsxWriter struct {
	z     *zip.Writer
	sheet *bufio.Writer
	cols  []ExportColumn
	row   int
	buf   bytes.Buffer
}

const xlsxHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`

var xlsxParts = []struct{ name, body string }{
	{"[Content_Types].xml", xlsxHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
		`</Types>`},
	{"_rels/.rels", xlsxHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
		`</Relationships>`},
	{"xl/workbook.xml", xlsxHead + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>`},
	{"xl/_rels/workbook.xml.rels", xlsxHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`</Relationships>`},
	{"xl/styles.xml", xlsxHead + `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
		`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
		`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
		`<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>` +
		`</styleSheet>`},
}

func newXLSXWriter(w io.Writer, cols []ExportColumn, lang string) (*xlsxWriter, error) {
	z := zip.NewWriter(w)
	for _, p := range xlsxParts {
		f, err := z.Create(p.name)
		if err != nil {
			return nil, err
		}
		if _, err := io.WriteString(f, p.body); err != nil {
			return nil, err
		}
	}
	// The sheet is the last entry: it stays open while rows stream in.
	f, err := z.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		return nil, err
	}
	x := &xlsxWriter{z: z, sheet: bufio.NewWriterSize(f, 64<<10), cols: cols}
	x.buf.WriteString(xlsxHead + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>`)
	for i, c := range cols {
		width := min(50, max(10, len([]rune(c.Header(lang)))*2+4))
		fmt.Fprintf(&x.buf, `<col min="%d" max="%d" width="%d" customWidth="1"/>`, i+1, i+1, width)
	}
	x.buf.WriteString(`</cols><sheetData>`)
	head := make([]string, len(cols))
	for i, c := range cols {
		head[i] = c.Header(lang)
	}
	x.writeRow(head, true)
	_, err = x.sheet.Write(x.buf.Bytes())
	return x, err
}

var xlsxNumber = regexp.MustCompile(`^-?\d+(\.\d+)?$`)

func (x *xlsxWriter) writeRow(vs []string, header bool) {
	x.row++
	fmt.Fprintf(&x.buf, `<row r="%d">`, x.row)
	for i, v := range vs {
		if v == "" {
			continue
		}
		ref := ColumnName(i) + strconv.Itoa(x.row)
		style := ""
		if header {
			style = ` s="1"`
		}
		if !header && x.cols[i].Numeric && xlsxNumber.MatchString(v) {
			fmt.Fprintf(&x.buf, `<c r="%s"><v>%s</v></c>`, ref, v)
			continue
		}
		fmt.Fprintf(&x.buf, `<c r="%s" t="inlineStr"%s><is><t xml:space="preserve">`, ref, style)
		xmlEscape(&x.buf, v)
		x.buf.WriteString(`</t></is></c>`)
	}
	x.buf.WriteString(`</row>`)
}

func (x *xlsxWriter) Row(node json.RawMessage) error {
	vs, err := cells(node, x.cols)
	if err != nil {
		return err
	}
	x.buf.Reset()
	x.writeRow(vs, false)
	_, err = x.sheet.Write(x.buf.Bytes())
	return err
}

func (x *xlsxWriter) Close() error {
	if _, err := x.sheet.WriteString(`</sheetData></worksheet>`); err != nil {
		return err
	}
	if err := x.sheet.Flush(); err != nil {
		return err
	}
	return x.z.Close()
}

// ColumnName is a spreadsheet column's letters: 0 is A, 25 Z, 26 AA.
func ColumnName(i int) string {
	s := ""
	for n := i + 1; n > 0; n = (n - 1) / 26 {
		s = string(rune('A'+(n-1)%26)) + s
	}
	return s
}

// xmlEscape writes s as XML text, without the control characters XML 1.0
// does not allow.
func xmlEscape(b *bytes.Buffer, s string) {
	for _, r := range s {
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case r == '"':
			b.WriteString("&quot;")
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r':
		case r == 0xFFFE || r == 0xFFFF:
		default:
			b.WriteRune(r)
		}
	}
}
