import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TicketDesk } from '../tickets/desk.ts';
import type { BoardHub } from '../tickets/board-hub.ts';
import type { Announcer } from '../tickets/announcer.ts';
import { formatSetup, parseSetup } from '../tickets/setup-form.ts';
import { boardPage, deskPage, positionPage, setupPage, type DeskError } from '../dashboard/ticket-pages.ts';
import { refusedTicketsSection } from '../dashboard/refused-tickets-section.ts';
import { parseLang, t } from '../dashboard/i18n.ts';
import { canManageKiosks, forbidden, pageView, sendPage } from './staff.ts';
import { confirmPage } from '../dashboard/pages.ts';
import { ConfirmableFormSchema } from '../../shared/contracts/office.ts';
import { formatVietnamTime } from '../../shared/domain/vietnam-time.ts';
import {
  IssueTicketRequestSchema,
  OfflineTicketsRequestSchema,
  type IssuedTicket,
  type OfflineTicketsAnswer,
  type QueueServicesAnswer,
} from '../../shared/contracts/tickets.ts';

/** Kiosks take numbers (and hand in the ones they issued offline) with their sync token: under /api. */
export function ticketKioskRoutes(
  desk: TicketDesk,
  kioskOnly: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
): FastifyPluginAsync {
  return async (plain) => {
    const api = plain.withTypeProvider<ZodTypeProvider>();
    api.get('/tickets/services', { onRequest: kioskOnly }, async (): Promise<QueueServicesAnswer> => {
      const [services, counters] = await Promise.all([desk.services(), desk.counters()]);
      return {
        services: services.map((s) => ({
          id: s.id,
          prefix: s.prefix,
          name: s.name,
          procedureCodes: s.procedureCodes,
          counters: counters.filter((c) => c.serviceIds.includes(s.id)).map((c) => c.number),
        })),
      };
    });
    api.post(
      '/tickets',
      { onRequest: kioskOnly, schema: { body: IssueTicketRequestSchema } },
      async (request, reply): Promise<IssuedTicket | FastifyReply> => {
        const issued = await desk.issue({ ...request.body, kioskId: request.kiosk!.id });
        if (!issued.ok)
          return reply
            .code(404)
            .send({ protocol: 1, kind: 'error', error: 'not-found', reasons: ['unknown service'] });
        return issued.ticket;
      },
    );
    api.post(
      '/tickets/offline',
      { onRequest: kioskOnly, schema: { body: OfflineTicketsRequestSchema } },
      async (request): Promise<OfflineTicketsAnswer> => desk.mergeOffline(request.kiosk!.id, request.body),
    );
  };
}

const HEARTBEAT_MS = 15_000;

/** The calling board (public, read-only, no names) and a ticket's live position. */
export function boardRoutes(desk: TicketDesk, hub: BoardHub, announcer: Announcer): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const LangQuery = z.object({ lang: z.string().optional() });
    app.get('/board', { schema: { querystring: LangQuery } }, async (request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(boardPage(parseLang(request.query.lang) ?? 'vi', await desk.board())),
    );
    app.get('/board/state', async () => desk.board());
    // The spoken call, synthesised on the office (the TV's browser has no Vietnamese voice).
    app.get(
      '/board/announce.wav',
      {
        schema: {
          querystring: z.object({
            number: z.string().regex(/^[A-Z]{1,2}\d{0,2}-\d{3,4}$/),
            counter: z.coerce.number().int().min(1).max(99),
          }),
        },
      },
      async (request, reply) => {
        const audio = await announcer.speak(request.query.number, request.query.counter);
        if (!audio) return reply.code(503).send({ error: 'no-speech-engine' });
        return reply
          .type('audio/wav')
          .header('Cache-Control', 'public, max-age=86400')
          .send(Buffer.from(audio));
      },
    );
    // Server-sent events: each call as it happens. EventSource reconnects by itself after
    // an office restart; the page then reloads the state it missed.
    app.get('/board/events', async (request, reply) => {
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      res.write('retry: 2000\n\n');
      const unsubscribe = hub.subscribe((call) =>
        res.write(`event: call\ndata: ${JSON.stringify(call)}\n\n`),
      );
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    });
    app.get(
      '/tickets/:id',
      {
        schema: {
          params: z.object({ id: z.string().min(1).max(120) }),
          querystring: LangQuery,
        },
      },
      async (request, reply) => {
        const position = await desk.position(request.params.id);
        // A phone that scanned the ticket's QR asks for a page; the kiosk and tools for JSON.
        if (request.headers.accept?.includes('text/html'))
          return reply
            .code(position ? 200 : 404)
            .type('text/html; charset=utf-8')
            .header('Cache-Control', 'no-store')
            .send(positionPage(parseLang(request.query.lang) ?? 'vi', position));
        if (!position) return reply.code(404).send({ error: 'not-found' });
        return position;
      },
    );
  };
}

const ACTIONS = [
  'call-next',
  'recall',
  'start',
  'finish',
  'no-show',
  'transfer',
  'confirm-priority',
] as const;

/** Inside the staff pages: one counter's calling page, and the services/counters set-up. */
export function deskRoutes(desk: TicketDesk): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    const render = async (
      request: FastifyRequest,
      reply: FastifyReply,
      counterId: string | null,
      error: DeskError | null,
      notice: string | null = null,
    ) => {
      const [counters, services, refused] = await Promise.all([
        desk.counters(),
        desk.services(),
        desk.refusedToday(),
      ]);
      const counter = counters.find((c) => c.id === counterId) ?? null;
      const tickets = await desk.today();
      const current =
        tickets.find(
          (tk) => tk.counterId === counter?.id && (tk.status === 'called' || tk.status === 'serving'),
        ) ?? null;
      const waiting = counter
        ? tickets.filter(
            (tk) =>
              tk.status === 'issued' &&
              (tk.counterId === counter.id ||
                (tk.counterId === null && counter.serviceIds.includes(tk.serviceId))),
          ).length
        : 0;
      return sendPage(
        reply,
        error ? 409 : 200,
        deskPage(
          pageView(request),
          request.staff!,
          counters,
          counter,
          current,
          waiting,
          error,
          refusedTicketsSection(request.lang, request.staff!, refused, services, counter?.id ?? null),
          notice,
        ),
      );
    };

    // After an officer dealt with a refused offline ticket: what became of it, said on the page.
    // The link names the refusal only; what is said is read from the database, so a crafted
    // link cannot make the page announce a number that was never issued.
    const DoneQuery = z.object({ resolved: z.string().min(1).max(120).optional() });
    const noticeFor = async (request: FastifyRequest, q: z.infer<typeof DoneQuery>) => {
      if (!q.resolved) return null;
      const found = await desk.refused(q.resolved);
      if (!found) return null;
      const old = found.ticket.number;
      if (found.outcome.status === 'dismissed') return t(request.lang, 'desk.refused.dismissed', { old });
      if (found.outcome.status !== 'queued') return null;
      const position = await desk.position(found.outcome.ticketId);
      if (!position) return null;
      return t(request.lang, position.peopleAhead ? 'desk.refused.queued' : 'desk.refused.queuedFirst', {
        number: position.number,
        old,
        ahead: position.peopleAhead,
      });
    };

    app.get('/desk', { schema: { querystring: DoneQuery } }, async (request, reply) =>
      render(request, reply, null, null, await noticeFor(request, request.query)),
    );
    // Queue or dismiss a refused offline ticket: a confirmation page first (no script: CSP),
    // which says what will happen, then the same form again with confirmed=yes.
    app.post(
      '/desk/refused',
      {
        schema: {
          body: ConfirmableFormSchema.extend({
            id: z.string().min(1).max(120),
            action: z.enum(['queue', 'dismiss']),
            counterId: z.string().max(40).optional(),
          }),
        },
      },
      async (request, reply) => {
        const { id, action, counterId, confirmed } = request.body;
        const { lang } = request;
        const here = counterId ?? null;
        const back = counterId ? `/desk/${encodeURIComponent(counterId)}` : '/desk';
        if (confirmed !== 'yes') {
          const found = await desk.refused(id);
          if (!found) return render(request, reply, here, 'refused-not-found');
          if (!found.open) return render(request, reply, here, 'refused-already-handled');
          const { ticket } = found;
          const service = (await desk.services()).find((s) => s.id === ticket.serviceId);
          if (action === 'queue' && !service) return render(request, reply, here, 'refused-unknown-service');
          const question =
            action === 'dismiss'
              ? t(lang, 'desk.refused.confirmDismiss', { old: ticket.number })
              : t(
                  lang,
                  ticket.reason === 'future' ? 'desk.refused.confirmQueueNow' : 'desk.refused.confirmQueue',
                  {
                    old: ticket.number,
                    service: service!.name,
                    time: formatVietnamTime(Date.parse(ticket.issuedAt)),
                  },
                );
          return sendPage(
            reply,
            200,
            confirmPage(
              pageView(request),
              request.staff!,
              question,
              '/desk/refused',
              t(lang, action === 'queue' ? 'desk.refused.queue' : 'desk.refused.dismiss'),
              back,
              { id, action, ...(counterId ? { counterId } : {}) },
            ),
          );
        }
        const result = await desk.resolveRefused(id, action, request.staff!.accountId);
        if (!result.ok) return render(request, reply, here, `refused-${result.reason}`);
        return reply.redirect(`${back}?${new URLSearchParams({ resolved: id })}`, 303);
      },
    );
    app.get('/desk/setup', async (request, reply) => {
      if (!canManageKiosks(request.staff!)) return forbidden(request, reply);
      return sendPage(
        reply,
        200,
        setupPage(
          pageView(request),
          request.staff!,
          formatSetup(await desk.services(), await desk.counters()),
          null,
        ),
      );
    });
    app.post(
      '/desk/setup',
      {
        schema: {
          body: z.object({
            csrf: z.string().optional(),
            services: z.string().max(20_000),
            counters: z.string().max(5_000),
          }),
        },
      },
      async (request, reply) => {
        if (!canManageKiosks(request.staff!)) return forbidden(request, reply);
        const { services, counters } = request.body;
        const parsed = parseSetup(services, counters);
        if (!parsed.ok)
          return sendPage(
            reply,
            400,
            setupPage(
              pageView(request),
              request.staff!,
              { services, counters },
              {
                ok: false,
                text: `${t(request.lang, parsed.field === 'services' ? 'desk.setupServices' : 'desk.setupCounters')} — ${t(request.lang, 'desk.setupInvalid', { line: parsed.line, reason: parsed.reason })}`,
              },
            ),
          );
        await desk.configure(parsed.services, parsed.counters);
        return sendPage(
          reply,
          200,
          setupPage(pageView(request), request.staff!, formatSetup(parsed.services, parsed.counters), {
            ok: true,
            text: t(request.lang, 'desk.setupSaved'),
          }),
        );
      },
    );
    app.get(
      '/desk/:counterId',
      { schema: { params: z.object({ counterId: z.string().max(40) }), querystring: DoneQuery } },
      async (request, reply) =>
        render(request, reply, request.params.counterId, null, await noticeFor(request, request.query)),
    );
    app.post(
      '/desk/:counterId/:action',
      {
        schema: {
          params: z.object({ counterId: z.string().max(40), action: z.enum(ACTIONS) }),
          body: z.object({
            csrf: z.string().optional(),
            dossierCode: z.string().max(60).optional(),
            toCounterId: z.string().max(40).optional(),
            confirmed: z.enum(['0', '1']).optional(),
          }),
        },
      },
      async (request, reply) => {
        const { counterId, action } = request.params;
        const body = request.body;
        const outcome = await desk.act(
          counterId,
          action === 'finish'
            ? {
                kind: 'finish',
                ...(body.dossierCode?.trim() ? { dossierCode: body.dossierCode.trim() } : {}),
              }
            : action === 'transfer'
              ? { kind: 'transfer', toCounterId: body.toCounterId ?? '' }
              : action === 'confirm-priority'
                ? { kind: 'confirm-priority', confirmed: body.confirmed === '1' }
                : { kind: action },
        );
        if (!outcome.ok) return render(request, reply, counterId, outcome.reason);
        return reply.redirect(`/desk/${counterId}`, 303);
      },
    );
  };
}
