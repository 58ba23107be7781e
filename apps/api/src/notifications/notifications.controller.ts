import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DeadLetterView, NotificationPreferenceView, NotificationView, Page } from '@skillbridge/contracts';
import type { Actor } from '@skillbridge/domain';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { ApiAnswer, ApiEmptyAnswer, ApiProblems, ApiSignedIn, INPUT_PROBLEMS } from '../common/openapi';
import { ListNotificationsQuery, PreferencesDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiSignedIn()
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @ApiAnswer(200, 'NotificationView', 'page')
  @ApiProblems('VALIDATION_FAILED', 'INVALID_CURSOR')
  @ApiOperation({ summary: 'Own inbox, newest first, with the unread count' })
  inbox(@CurrentActor() actor: Actor, @Query() query: ListNotificationsQuery): Promise<Page<NotificationView> & { unread: number }> {
    return this.notifications.inbox(actor, query);
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
  @ApiOperation({ summary: 'Channels and mode per event kind' })
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
