import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DeadLetterView, NotificationLanguageView, NotificationPreferenceView, NotificationView, Page } from '@skillbridge/contracts';
import type { Actor, NotificationLocale } from '@skillbridge/domain';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { ApiAnswer, ApiEmptyAnswer, ApiProblems, ApiSignedIn, INPUT_PROBLEMS } from '../common/openapi';
import { LanguageDto, ListNotificationsQuery, PreferencesDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

/** The first language of an Accept-Language header the inbox has words for: English, or else Chinese. */
const languageOf = (header: string | undefined): NotificationLocale => (header?.trim().toLowerCase().startsWith('en') ? 'en' : 'zh-CN');

@ApiTags('notifications')
@ApiSignedIn()
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @ApiAnswer(200, 'NotificationView', 'page')
  @ApiProblems('VALIDATION_FAILED', 'INVALID_CURSOR')
  @ApiOperation({
    summary: 'Own inbox, newest first, with the unread count; rendered in the reader’s language, filtered by unread and kind',
  })
  inbox(
    @CurrentActor() actor: Actor,
    @Query() query: ListNotificationsQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<Page<NotificationView> & { unread: number }> {
    return this.notifications.inbox(actor, query, query.lang ?? languageOf(acceptLanguage));
  }

  @Get('notifications/unread-count')
  @ApiAnswer(200, '{unread}: the number of unread inbox entries')
  @ApiOperation({ summary: 'How many inbox entries are unread' })
  async unread(@CurrentActor() actor: Actor): Promise<{ unread: number }> {
    return { unread: await this.notifications.unreadCount(actor) };
  }

  @Post('notifications/read-all')
  @HttpCode(204)
  @ApiEmptyAnswer(204, 'Every inbox entry is read')
  @ApiOperation({ summary: 'Mark every inbox entry read' })
  markAllRead(@CurrentActor() actor: Actor): Promise<void> {
    return this.notifications.markAllRead(actor);
  }

  @Post('notifications/:id/read')
  @HttpCode(204)
  @ApiEmptyAnswer(204, 'The entry is read')
  @ApiProblems('NOT_FOUND')
  @ApiOperation({ summary: 'Mark one inbox entry read' })
  markRead(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    return this.notifications.markRead(actor, id);
  }

  @Get('me/notification-preferences')
  @ApiAnswer(200, 'NotificationPreferenceView', 'list')
  @ApiOperation({ summary: 'Channels and mode per event kind, for the kinds that can reach the person’s role' })
  preferences(@CurrentActor() actor: Actor): Promise<NotificationPreferenceView[]> {
    return this.notifications.preferences(actor);
  }

  @Put('me/notification-preferences')
  @ApiAnswer(200, 'NotificationPreferenceView', 'list')
  @ApiProblems(...INPUT_PROBLEMS)
  @ApiOperation({ summary: 'Choose channels (inbox, email, webhook) and immediate or daily digest, per event kind' })
  setPreferences(@CurrentActor() actor: Actor, @Body() body: PreferencesDto): Promise<NotificationPreferenceView[]> {
    return this.notifications.setPreferences(actor, body);
  }

  @Get('me/notification-language')
  @ApiAnswer(200, 'NotificationLanguageView')
  @ApiOperation({ summary: 'The language e-mails are written in (the inbox follows the portal’s language)' })
  language(@CurrentActor() actor: Actor): Promise<NotificationLanguageView> {
    return this.notifications.language(actor);
  }

  @Put('me/notification-language')
  @ApiAnswer(200, 'NotificationLanguageView')
  @ApiProblems(...INPUT_PROBLEMS)
  @ApiOperation({ summary: 'Choose the language e-mails are written in' })
  setLanguage(@CurrentActor() actor: Actor, @Body() body: LanguageDto): Promise<NotificationLanguageView> {
    return this.notifications.setLanguage(actor, body.locale);
  }

  @Get('admin/dead-letters')
  @Roles('platform_admin')
  @ApiAnswer(200, 'DeadLetterView', 'list')
  @ApiOperation({ summary: 'Deliveries that failed every attempt' })
  deadLetters(): Promise<DeadLetterView[]> {
    return this.notifications.deadLetters();
  }

  @Post('admin/dead-letters/:id/retry')
  @HttpCode(202)
  @Roles('platform_admin')
  @ApiEmptyAnswer(202, 'The delivery is queued again')
  @ApiProblems('NOT_FOUND')
  @ApiOperation({ summary: 'Try a dead delivery again' })
  retry(@Param('id') id: string): Promise<void> {
    return this.notifications.retry(id);
  }
}
