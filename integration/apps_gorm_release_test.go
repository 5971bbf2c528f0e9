package integration

// GORM's second release altering existing tables with rows: a column
// renamed by a hand-written step (Migrator().RenameColumn), then
// AutoMigrate adding a column with a default, changing a column's type
// (text to varchar(300)), adding an index on an existing column and a
// column with a foreign key; the DDL GORM issues is the same list as
// against PostgreSQL 15 (gormRelease2DDL, recorded from it), and an
// AutoMigrate of the same structs again issues none: the migrator reads
// back from the catalog exactly what it made. Runs against PostgreSQL
// too (RAFTSQL_REFERENCE_URL).

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

type g2User struct {
	ID    uint `gorm:"primaryKey"`
	Name  string
	Email string `gorm:"uniqueIndex;size:200"`
}

func (g2User) TableName() string { return "g2_users" }

type g2Post struct {
	ID     uint `gorm:"primaryKey"`
	UserID uint
	User   g2User
	Title  string
	Body   string
}

func (g2Post) TableName() string { return "g2_posts" }

type g2User2 struct {
	ID    uint `gorm:"primaryKey"`
	Name  string
	Email string `gorm:"uniqueIndex;size:200"`
	Plan  string `gorm:"not null;default:'free'"`
}

func (g2User2) TableName() string { return "g2_users" }

type g2Post2 struct {
	ID       uint `gorm:"primaryKey"`
	UserID   uint
	User     g2User2
	Title    string `gorm:"size:300"`
	Content  string `gorm:"index"`
	EditorID *uint
	Editor   *g2User2 `gorm:"foreignKey:EditorID"`
}

func (g2Post2) TableName() string { return "g2_posts" }

// gormRelease2DDL is what GORM v1.31.2 issues for release 2 against
// PostgreSQL 15 (and must against raftsql).
var gormRelease2DDL = []string{
	`ALTER TABLE "g2_posts" RENAME COLUMN "body" TO "content"`,
	`ALTER TABLE "g2_users" ADD "plan" text NOT NULL DEFAULT 'free'`,
	`ALTER TABLE "g2_posts" ALTER COLUMN "title" TYPE varchar(300) USING "title"::varchar(300)`,
	`ALTER TABLE "g2_posts" ADD "editor_id" bigint`,
	`ALTER TABLE "g2_posts" ADD CONSTRAINT "fk_g2_posts_editor" FOREIGN KEY ("editor_id") REFERENCES "g2_users"("id")`,
	`CREATE INDEX IF NOT EXISTS "idx_g2_posts_content" ON "g2_posts" ("content")`,
}

// ddlLog records the DDL statements GORM runs.
type ddlLog struct {
	mu  sync.Mutex
	ddl []string
}

func (l *ddlLog) LogMode(logger.LogLevel) logger.Interface      { return l }
func (l *ddlLog) Info(context.Context, string, ...interface{})  {}
func (l *ddlLog) Warn(context.Context, string, ...interface{})  {}
func (l *ddlLog) Error(context.Context, string, ...interface{}) {}
func (l *ddlLog) Trace(_ context.Context, _ time.Time, fc func() (string, int64), err error) {
	sql, _ := fc()
	if w := strings.ToUpper(strings.SplitN(strings.TrimSpace(sql), " ", 2)[0]); w == "CREATE" || w == "ALTER" || w == "DROP" {
		l.mu.Lock()
		l.ddl = append(l.ddl, sql)
		l.mu.Unlock()
	}
}

func (l *ddlLog) take() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := l.ddl
	l.ddl = nil
	return out
}

func TestAppGORMSecondRelease(t *testing.T) {
	urls := e2eURLs(t)
	log := &ddlLog{}
	open := func(url string) *gorm.DB {
		db, err := gorm.Open(postgres.Open(url), &gorm.Config{Logger: log})
		if err != nil {
			t.Fatalf("gorm open: %v", err)
		}
		sqlDB, _ := db.DB()
		t.Cleanup(func() { sqlDB.Close() })
		return db
	}
	db := open(urls[0])
	if err := db.Migrator().DropTable("g2_posts", "g2_users"); err != nil {
		t.Fatalf("drop: %v", err)
	}
	if err := db.AutoMigrate(&g2User{}, &g2Post{}); err != nil {
		t.Fatalf("AutoMigrate release 1: %v", err)
	}
	log.take()
	if err := db.AutoMigrate(&g2User{}, &g2Post{}); err != nil {
		t.Fatalf("AutoMigrate release 1 again: %v", err)
	}
	if ddl := log.take(); len(ddl) != 0 {
		t.Errorf("AutoMigrate of release 1 again issued DDL: %q", ddl)
	}
	u := g2User{Name: "ann", Email: "ann@example.com"}
	if err := db.Create(&u).Error; err != nil {
		t.Fatal(err)
	}
	for _, title := range []string{"one", "two"} {
		if err := db.Create(&g2Post{UserID: u.ID, Title: title, Body: title + " body"}).Error; err != nil {
			t.Fatal(err)
		}
	}

	// release 2, from another node
	db2 := open(urls[1%len(urls)])
	if err := db2.Migrator().RenameColumn(&g2Post{}, "body", "content"); err != nil {
		t.Fatalf("rename column: %v", err)
	}
	if err := db2.AutoMigrate(&g2User2{}, &g2Post2{}); err != nil {
		t.Fatalf("AutoMigrate release 2: %v", err)
	}
	if got := log.take(); strings.Join(got, "\n") != strings.Join(gormRelease2DDL, "\n") {
		t.Errorf("release 2 DDL:\n%s\nwant (PostgreSQL's):\n%s", strings.Join(got, "\n"), strings.Join(gormRelease2DDL, "\n"))
	}
	if err := db2.AutoMigrate(&g2User2{}, &g2Post2{}); err != nil {
		t.Fatalf("AutoMigrate release 2 again: %v", err)
	}
	if ddl := log.take(); len(ddl) != 0 {
		t.Errorf("AutoMigrate of release 2 again issued DDL: %q", ddl)
	}
	// the rows kept their data under the new shape, the new column its
	// default, and the foreign key holds
	var posts []g2Post2
	if err := db2.Preload("User").Order("id").Find(&posts).Error; err != nil {
		t.Fatalf("read after release 2: %v", err)
	}
	if len(posts) != 2 || posts[0].Content != "one body" || posts[1].User.Plan != "free" || posts[0].EditorID != nil {
		t.Fatalf("after release 2: %+v", posts)
	}
	editor := g2User2{Name: "ed", Email: "ed@example.com", Plan: "pro"}
	if err := db2.Create(&editor).Error; err != nil {
		t.Fatal(err)
	}
	if err := db2.Model(&posts[0]).Update("editor_id", editor.ID).Error; err != nil {
		t.Fatalf("set editor: %v", err)
	}
	if err := db2.Model(&posts[1]).Update("editor_id", 9999).Error; pgCode(err) != "23503" {
		t.Fatalf("editor that does not exist: %v, want 23503", err)
	}
	if err := db2.Model(&posts[1]).Update("title", strings.Repeat("x", 301)).Error; pgCode(err) != "22001" {
		t.Fatalf("title longer than varchar(300): %v, want 22001", err)
	}
}
