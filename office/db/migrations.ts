import { sql, type Kysely, type ColumnDefinitionBuilder } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';

export type DialectName = 'sqlite' | 'postgres';

/**
 * The one set of migrations, in TypeScript, for both databases. The only dialect
 * differences are spelled out here: auto-increment ids and the binary type.
 */
export function migrationProvider(dialect: DialectName): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}

function migrations(dialect: DialectName): Record<string, Migration> {
  const serial = dialect === 'postgres' ? sql`bigserial` : sql`integer`;
  const idCol = (c: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement();
  const binary = dialect === 'postgres' ? sql`bytea` : sql`blob`;

  return {
    '0001_initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('accounts')
          .addColumn('id', serial, idCol)
          .addColumn('username', 'text', (c) => c.notNull().unique())
          .addColumn('display_name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('officer','head','admin')`))
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('sessions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('account_id', 'bigint', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
          .addColumn('csrf_token', 'text', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('kiosks')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('token_hash', 'text', (c) => c.notNull())
          .addColumn('revoked', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('enrolled_at', 'bigint', (c) => c.notNull())
          .addColumn('last_contact_at', 'bigint')
          .addColumn('app_version', 'text')
          .addColumn('waiting_count', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();

        await db.schema
          .createTable('enrolment_codes')
          .addColumn('code', 'text', (c) => c.primaryKey())
          .addColumn('created_by', 'bigint', (c) => c.notNull().references('accounts.id'))
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .addColumn('used_at', 'bigint')
          .addColumn('kiosk_id', 'text', (c) => c.references('kiosks.id'))
          .execute();

        await db.schema
          .createTable('dossiers')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('kiosk_id', 'text', (c) => c.notNull().references('kiosks.id'))
          .addColumn('seq', 'bigint', (c) => c.notNull())
          .addColumn('content_hash', 'text', (c) => c.notNull())
          .addColumn('code', 'text', (c) => c.notNull())
          .addColumn('procedure_code', 'text', (c) => c.notNull())
          .addColumn('models', 'text', (c) => c.notNull())
          .addColumn('model_mask', 'integer', (c) => c.notNull())
          .addColumn('form_id', 'text', (c) => c.notNull())
          .addColumn('form_data', 'text', (c) => c.notNull())
          .addColumn('applicant_name', 'text', (c) => c.notNull())
          .addColumn('volunteer_id', 'text')
          .addColumn('channel', 'text', (c) => c.notNull())
          .addColumn('received_at', 'text', (c) => c.notNull())
          .addColumn('received_at_ms', 'bigint', (c) => c.notNull())
          .addColumn('due_at', 'text', (c) => c.notNull())
          .addColumn('due_at_ms', 'bigint', (c) => c.notNull())
          .addColumn('attachment_hashes', 'text', (c) => c.notNull())
          .addColumn('office_received_at_ms', 'bigint', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('status_reason', 'text')
          .addColumn('status_changed_at_ms', 'bigint', (c) => c.notNull())
          .addColumn('resolved_at_ms', 'bigint')
          .execute();
        // The queue and the weekly report both range over arrival time; the report's
        // index covers every column it reads so it never touches the table rows.
        await db.schema
          .createIndex('dossiers_report')
          .on('dossiers')
          .columns([
            'received_at_ms',
            'procedure_code',
            'model_mask',
            'channel',
            'volunteer_id',
            'due_at_ms',
            'resolved_at_ms',
          ])
          .execute();
        await db.schema
          .createIndex('dossiers_kiosk_seq')
          .on('dossiers')
          .columns(['kiosk_id', 'seq'])
          .execute();
        await db.schema.createIndex('dossiers_code').on('dossiers').column('code').execute();

        await db.schema
          .createTable('dossier_events')
          .addColumn('id', serial, idCol)
          .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('reason', 'text')
          .addColumn('account_id', 'bigint', (c) => c.references('accounts.id'))
          .addColumn('at_ms', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('dossier_events_dossier')
          .on('dossier_events')
          .column('dossier_id')
          .execute();

        await db.schema
          .createTable('attachments')
          .addColumn('hash', 'text', (c) => c.primaryKey())
          .addColumn('total', 'bigint', (c) => c.notNull())
          .addColumn('received', 'bigint', (c) => c.notNull())
          .addColumn('complete', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('completed_at', 'bigint')
          .execute();
        await db.schema
          .createTable('attachment_chunks')
          .addColumn('hash', 'text', (c) => c.notNull().references('attachments.hash').onDelete('cascade'))
          .addColumn('offset', 'bigint', (c) => c.notNull())
          .addColumn('data', binary, (c) => c.notNull())
          .addPrimaryKeyConstraint('attachment_chunks_pk', ['hash', 'offset'])
          .execute();
        await db.schema
          .createTable('attachment_meta')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('kiosk_id', 'text', (c) => c.notNull().references('kiosks.id'))
          .addColumn('seq', 'bigint', (c) => c.notNull())
          .addColumn('content_hash', 'text', (c) => c.notNull())
          .addColumn('dossier_id', 'text', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .addColumn('size', 'bigint', (c) => c.notNull())
          .addColumn('media_type', 'text', (c) => c.notNull())
          .addColumn('file_name', 'text', (c) => c.notNull())
          .addColumn('office_received_at_ms', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('attachment_meta_dossier')
          .on('attachment_meta')
          .column('dossier_id')
          .execute();

        await db.schema
          .createTable('ratings')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('kiosk_id', 'text', (c) => c.notNull().references('kiosks.id'))
          .addColumn('seq', 'bigint', (c) => c.notNull())
          .addColumn('content_hash', 'text', (c) => c.notNull())
          .addColumn('dossier_id', 'text')
          .addColumn('procedure_code', 'text')
          .addColumn('score', 'integer', (c) => c.notNull())
          .addColumn('comment', 'text', (c) => c.notNull())
          .addColumn('rated_at_ms', 'bigint', (c) => c.notNull())
          .addColumn('office_received_at_ms', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('ratings_dossier').on('ratings').column('dossier_id').execute();

        await db.schema
          .createTable('published_config')
          .addColumn('id', serial, idCol)
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('version', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('published_at_ms', 'bigint', (c) => c.notNull())
          .addColumn('published_by', 'bigint', (c) => c.references('accounts.id'))
          .addUniqueConstraint('published_config_kind_version', ['kind', 'version'])
          .execute();
      },
    },
    '0002_report_daily': {
      // The weekly report must stay under a second at a million dossiers and more: it
      // reads a per-day summary kept in the same transactions that store dossiers and
      // change their status, instead of scanning dossiers. The wide covering index of
      // 0001 goes (it slowed every insert); the queue only needs arrival time.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('report_daily')
          .addColumn('day', 'integer', (c) => c.notNull())
          .addColumn('procedure_code', 'text', (c) => c.notNull())
          .addColumn('model_mask', 'integer', (c) => c.notNull())
          .addColumn('timeliness', 'integer', (c) => c.notNull())
          .addColumn('channel', 'text', (c) => c.notNull())
          .addColumn('assisted', 'integer', (c) => c.notNull())
          .addColumn('n', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('report_daily_pk', [
            'day',
            'procedure_code',
            'model_mask',
            'timeliness',
            'channel',
            'assisted',
          ])
          .execute();
        await db.schema.dropIndex('dossiers_report').execute();
        await db.schema.createIndex('dossiers_received').on('dossiers').column('received_at_ms').execute();
        await db.schema.createIndex('ratings_rated').on('ratings').column('rated_at_ms').execute();
        // Backfill from dossiers stored before this migration (same rules as report/timeliness.ts).
        await sql`insert into report_daily (day, procedure_code, model_mask, timeliness, channel, assisted, n)
          select (received_at_ms + 25200000) / 86400000, procedure_code, model_mask,
            case when resolved_at_ms is null then 0 when resolved_at_ms > due_at_ms then 3
                 when (resolved_at_ms + 25200000) / 86400000 < (due_at_ms + 25200000) / 86400000 then 1 else 2 end,
            channel, case when volunteer_id is null then 0 else 1 end, count(*)
          from dossiers group by 1, 2, 3, 4, 5, 6`.execute(db);
      },
    },
    '0003_kiosk_first_seq': {
      // The kiosk's per-install sequence carries on across re-enrolment, so a re-enrolled
      // kiosk (a new kiosk row) starts at the seq it tells us; gaps count from there.
      // Kiosks enrolled before this migration started at 1.
      async up(db: Kysely<unknown>) {
        await db.schema
          .alterTable('kiosks')
          .addColumn('first_seq', 'bigint', (c) => c.notNull().defaultTo(1))
          .execute();
      },
    },
    '0004_sign_in_throttle': {
      // Failed staff sign-ins per account name / client address (auth/sign-in-throttle.ts),
      // in the database so a restart keeps them and several processes share them. Rows are
      // pruned by window_start, hence its index.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('sign_in_throttle')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('failures', 'integer', (c) => c.notNull())
          .addColumn('window_start', 'bigint', (c) => c.notNull())
          .addColumn('locked_until', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('sign_in_throttle_window')
          .on('sign_in_throttle')
          .column('window_start')
          .execute();
      },
    },
    '0005_ticket_queue': {
      // The desk's numbered tickets ("Không chờ", shared/queue): services, counters, tickets
      // and every call announced. (day, number) is unique, so a number is never issued twice.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('queue_services')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('prefix', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('procedure_codes', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('queue_counters')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('number', 'integer', (c) => c.notNull().unique())
          .addColumn('service_ids', 'text', (c) => c.notNull())
          .addColumn('open', 'integer', (c) => c.notNull().defaultTo(1))
          .execute();
        await db.schema
          .createTable('tickets')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('service_id', 'text', (c) => c.notNull())
          .addColumn('day', 'text', (c) => c.notNull())
          .addColumn('number', 'text', (c) => c.notNull())
          .addColumn('offline_kiosk', 'integer')
          .addColumn('kiosk_id', 'text')
          .addColumn('priority', 'text')
          .addColumn('priority_confirmed', 'integer')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('issued_at', 'bigint', (c) => c.notNull())
          .addColumn('received_at', 'bigint', (c) => c.notNull())
          .addColumn('called_at', 'bigint')
          .addColumn('started_at', 'bigint')
          .addColumn('ended_at', 'bigint')
          .addColumn('counter_id', 'text')
          .addColumn('calls', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('dossier_code', 'text')
          .addColumn('estimate_minutes', 'integer')
          .addUniqueConstraint('tickets_day_number', ['day', 'number'])
          .execute();
        await db.schema.createIndex('tickets_day_status').on('tickets').columns(['day', 'status']).execute();
        await db.schema
          .createTable('ticket_calls')
          .addColumn('id', serial, idCol)
          .addColumn('ticket_id', 'text', (c) => c.notNull())
          .addColumn('number', 'text', (c) => c.notNull())
          .addColumn('counter_number', 'integer', (c) => c.notNull())
          .addColumn('at', 'bigint', (c) => c.notNull())
          .execute();
      },
    },
    '0006_receipt_prints': {
      // Whether a dossier's receipt came out of the kiosk's printer (sync item
      // 'receipt-print'): the queue shows "chưa in giấy tiếp nhận" until a printed one
      // arrives. A sync item table like the others (id, seq, content_hash).
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('receipt_prints')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('kiosk_id', 'text', (c) => c.notNull().references('kiosks.id'))
          .addColumn('seq', 'bigint', (c) => c.notNull())
          .addColumn('content_hash', 'text', (c) => c.notNull())
          .addColumn('dossier_id', 'text', (c) => c.notNull())
          .addColumn('printed', 'integer', (c) => c.notNull())
          .addColumn('at_ms', 'bigint', (c) => c.notNull())
          .addColumn('office_received_at_ms', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('receipt_prints_dossier')
          .on('receipt_prints')
          .columns(['dossier_id', 'printed'])
          .execute();
      },
    },
    '0007_account_password_change': {
      // An account whose password someone else chose (the generated first admin password, an
      // administrator's reset) must choose its own at the next sign-in.
      async up(db: Kysely<unknown>) {
        await db.schema
          .alterTable('accounts')
          .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
      },
    },
    '0008_enrolment_install_id': {
      // Enrolment is idempotent per kiosk and code (sync/enrol.ts): the code remembers
      // which install used it, so that install's retry after a lost answer gets its
      // kiosk back instead of a refusal.
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('enrolment_codes').addColumn('install_id', 'text').execute();
      },
    },
    '0009_speech_clips': {
      // Recordings by the office's bilingual staff, one per language and text key, published
      // to the kiosks with the profile and catalogue (office/speech-clips.ts).
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('speech_languages')
          .addColumn('code', 'text', (c) => c.primaryKey())
          .addColumn('name_vi', 'text', (c) => c.notNull())
          .addColumn('name_en', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('speech_clips')
          .addColumn('language', 'text', (c) => c.notNull().references('speech_languages.code'))
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('format', 'text', (c) => c.notNull())
          .addColumn('sha256', 'text', (c) => c.notNull())
          .addColumn('bytes', 'integer', (c) => c.notNull())
          .addColumn('data', binary, (c) => c.notNull())
          .addColumn('uploaded_at_ms', 'bigint', (c) => c.notNull())
          .addColumn('uploaded_by', 'bigint', (c) => c.references('accounts.id'))
          .addPrimaryKeyConstraint('speech_clips_pk', ['language', 'key'])
          .execute();
      },
    },
    '0010_dossier_lookup_key': {
      // The receipt QR's random check part (shared/dossier/lookup-key.ts): a status look-up
      // by code is answered only with it. Null for dossiers from kiosks before it existed.
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('dossiers').addColumn('lookup_key', 'text').execute();
      },
    },
    '0011_refused_offline_tickets': {
      // Tickets an offline kiosk printed that the office would not merge (office/tickets/
      // refused.ts): the citizen still holds the paper, so the counters list them until an
      // officer queues the citizen under a proper number or marks the case handled.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('refused_offline_tickets')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('kiosk_id', 'text', (c) => c.notNull())
          .addColumn('service_id', 'text', (c) => c.notNull())
          .addColumn('number', 'text', (c) => c.notNull())
          .addColumn('priority', 'text')
          .addColumn('issued_at', 'bigint', (c) => c.notNull())
          .addColumn('received_at', 'bigint', (c) => c.notNull())
          .addColumn('day', 'text', (c) => c.notNull())
          .addColumn('reason', 'text', (c) =>
            c.notNull().check(sql`reason in ('no-range','future','number-taken')`),
          )
          .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open','queued','dismissed')`))
          .addColumn('resolved_at', 'bigint')
          .addColumn('resolved_by', 'bigint', (c) => c.references('accounts.id'))
          .addColumn('ticket_id', 'text')
          .execute();
        await db.schema
          .createIndex('refused_offline_tickets_day')
          .on('refused_offline_tickets')
          .columns(['day', 'status'])
          .execute();
      },
    },
    '0012_open_dossiers_by_deadline': {
      // The queue (queries/queue.ts) pages through the open dossiers nearest deadline first
      // and counts them under its filters. Only open dossiers are indexed, so the years of
      // resolved ones neither slow the queue nor grow the index. The filter columns, and
      // resolved_at_ms itself (always null here: SQLite reads the condition's column from
      // the table unless the index holds it), make the counts read the index alone.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createIndex('dossiers_open_by_due')
          .on('dossiers')
          .columns(['due_at_ms', 'code', 'status', 'procedure_code', 'model_mask', 'resolved_at_ms'])
          .where(sql.ref('resolved_at_ms'), 'is', null)
          .execute();
      },
    },
    '0013_desk_receipt_prints': {
      // A receipt the kiosk could not print, printed at the desk and handed over by an
      // officer: the queue stops showing "chưa in giấy tiếp nhận". Kept apart from
      // receipt_prints, whose rows are a kiosk's sync items (numbered per kiosk).
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('desk_receipt_prints')
          .addColumn('id', serial, idCol)
          .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
          .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
          .addColumn('at_ms', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('desk_receipt_prints_dossier')
          .on('desk_receipt_prints')
          .column('dossier_id')
          .execute();
      },
    },
  };
}
