import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DeadLetterView, NotificationPreferenceView, NotificationView, Page } from '@skillbridge/contracts';
import type { Actor } from '@skillbridge/domain';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { ListNotificationsQuery, PreferencesDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @ApiOperation({ summary: 'Own inbox, newest first, with the unread count' })
  inbox(@CurrentActor() actor: Actor, @Query() query: ListNotificationsQuery): Promise<Page<NotificationView> & { unread: number }> {
    return this.notifications.inbox(actor, query);
  }

  @Get('notifications/unread-count')
  @ApiOperation({ summary: 'How many inbox entries are unread' })
  async unread(@CurrentActor() actor: Actor): Promise<{ unread: number }> {
    return { unread: await this.notifications.unreadCount(actor) };
  }

  @Post('notifications/read-all')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark every inbox entry read' })
  markAllRead(@CurrentActor() actor: Actor): Promise<void> {
    return this.notifications.markAllRead(actor);
  }

  @Post('notifications/:id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one inbox entry read' })
  markRead(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    return this.notifications.markRead(actor, id);
  }

  @Get('me/notification-preferences')
  @ApiOperation({ summary: 'Channels and mode per event kind' })
  preferences(@CurrentActor() actor: Actor): Promise<NotificationPreferenceView[]> {
    return this.notifications.preferences(actor);
  }

  @Put('me/notification-preferences')
  @ApiOperation({ summary: 'Choose channels (inbox, email, webhook) and immediate or daily digest, per event kind' })
  setPreferences(@CurrentActor() actor: Actor, @Body() body: PreferencesDto): Promise<NotificationPreferenceView[]> {
    return this.notifications.setPreferences(actor, body);
  }

  @Get('admin/dead-letters')
  @Roles('platform_admin')
  @ApiOperation({ summary: 'Deliveries that failed every attempt' })
  deadLetters(): Promise<DeadLetterView[]> {
    return this.notifications.deadLetters();
  }

  @Post('admin/dead-letters/:id/retry')
  @HttpCode(202)
  @Roles('platform_admin')
  @ApiOperation({ summary: 'Try a dead delivery again' })
  retry(@Param('id') id: string): Promise<void> {
    return this.notifications.retry(id);
  }
}
